import Podlike
import PodlikeYAML

/// `cpu_shares: 512` → `HostConfig.CpuShares`, the component's CPU weight against
/// its siblings (1024 is the default weight). The kernel takes 2 to 262144.
struct CpuSharesHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "cpu_shares",
        summary: "the relative CPU weight against other components (default 1024)",
        examples: [
            SettingExample("cpu_shares: 512", .request(#"{"HostConfig": {"CpuShares": 512}}"#)),
            SettingExample("cpu_shares: '2048'", .request(#"{"HostConfig": {"CpuShares": 2048}}"#)),
            SettingExample("cpu_shares: 1", .error("expected a CPU weight like 1024 from 2 to 262144, got 1")),
            SettingExample("cpu_shares: high", .error(#"expected a CPU weight like 1024, got "high""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.CpuShares = Int(try value.integer(expected: "a CPU weight like 1024", in: 2...262_144))
    }
}
