import Podlike
import PodlikeYAML

/// `shm_size: 256m` → `HostConfig.ShmSize` in bytes, the size of `/dev/shm`
/// (64m when unset).
struct ShmSizeHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "shm_size",
        summary: "the size of /dev/shm, as a byte size (default 64m)",
        examples: [
            SettingExample("shm_size: 256m", .request(#"{"HostConfig": {"ShmSize": 268435456}}"#)),
            SettingExample("shm_size: 1gb", .request(#"{"HostConfig": {"ShmSize": 1073741824}}"#)),
            SettingExample("shm_size: 67108864", .request(#"{"HostConfig": {"ShmSize": 67108864}}"#)),
            SettingExample("shm_size: big", .error(#"expected a byte size like "512m", "1.5g" or a number of bytes, got "big""#)),
            SettingExample("shm_size: -64m", .error(#"got "-64m""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.ShmSize = try ByteSize.parse(value)
    }
}
