import Podlike
import PodlikeYAML

/// `cpu_count: 2` → `HostConfig.CpuCount`. Windows engines only; Linux ignores it.
struct CpuCountHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "cpu_count",
        summary: "the number of usable CPUs (Windows engines only)",
        examples: [
            SettingExample("cpu_count: 2", .request(#"{"HostConfig": {"CpuCount": 2}}"#)),
            SettingExample("cpu_count: -1", .error(#"expected a number of CPUs like 2 (0 or more), got "-1""#)),
            SettingExample("cpu_count: 1.5", .error(#"expected a number of CPUs like 2 (0 or more), got "1.5""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.CpuCount = try value.integer(expected: "a number of CPUs like 2 (0 or more)") { $0 >= 0 }
    }
}
