import Podlike
import PodlikeYAML

/// `mem_limit: 512m` → `HostConfig.Memory` in bytes. The pod-level memory cap
/// later lowers it to the controller's own limit.
struct MemLimitHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "mem_limit",
        summary: "the memory limit, as a byte size",
        examples: [
            SettingExample("mem_limit: 512m", .request(#"{"HostConfig": {"Memory": 536870912}}"#)),
            SettingExample("mem_limit: 1.5g", .request(#"{"HostConfig": {"Memory": 1610612736}}"#)),
            SettingExample("mem_limit: 67108864", .request(#"{"HostConfig": {"Memory": 67108864}}"#)),
            SettingExample("mem_limit: 0x10", .error(#"expected a byte size like "512m", "1.5g" or a number of bytes, got "0x10""#)),
            SettingExample("mem_limit: 1e9", .error(#"got "1e9""#)),
            SettingExample("mem_limit: 0.5b", .error(#""0.5b" is out of range: a byte size goes from 1 byte"#)),
            SettingExample("mem_limit: 99999999999t", .error(#""99999999999t" is out of range: a byte size goes from 1 byte to 9223372036854775807 bytes (8 EiB), or 0"#)),
            SettingExample("mem_limit: lots", .error(#"expected a byte size like "512m", "1.5g" or a number of bytes, got "lots""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.Memory = try ByteSize.parse(value)
    }
}
