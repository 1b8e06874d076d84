import Podlike
import PodlikeYAML

/// `cpu_period: 100000` (microseconds) → `HostConfig.CpuPeriod`, the CFS period
/// that `cpu_quota` is measured against. The kernel takes 1ms to 1s.
struct CpuPeriodHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "cpu_period",
        summary: "the CFS scheduler period in microseconds, from 1000 to 1000000",
        examples: [
            SettingExample("cpu_period: 100000", .request(#"{"HostConfig": {"CpuPeriod": 100000}}"#)),
            SettingExample("cpu_period: '50000'", .request(#"{"HostConfig": {"CpuPeriod": 50000}}"#)),
            SettingExample("cpu_period: 500", .error("expected a period in microseconds from 1000 to 1000000, got 500")),
            SettingExample("cpu_period: 100ms", .error(#"expected a period in microseconds, got "100ms""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.CpuPeriod = try value.integer(expected: "a period in microseconds", in: 1000...1_000_000)
    }
}
