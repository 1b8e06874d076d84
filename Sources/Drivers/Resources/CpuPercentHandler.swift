import Podlike
import PodlikeYAML

/// `cpu_percent: 50` → `HostConfig.CpuPercent`. Windows engines only; Linux ignores it.
struct CpuPercentHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "cpu_percent",
        summary: "the usable percentage of the CPUs, 0 to 100 (Windows engines only)",
        examples: [
            SettingExample("cpu_percent: 50", .request(#"{"HostConfig": {"CpuPercent": 50}}"#)),
            SettingExample("cpu_percent: 150", .error("expected a percentage from 0 to 100, got 150")),
            SettingExample("cpu_percent: 50%", .error(#"expected a percentage, got "50%""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.CpuPercent = try value.integer(expected: "a percentage", in: 0...100)
    }
}
