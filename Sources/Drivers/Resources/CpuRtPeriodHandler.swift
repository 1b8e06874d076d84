import Podlike
import PodlikeYAML

/// `cpu_rt_period: 1000000` (microseconds) or `cpu_rt_period: 1s` →
/// `HostConfig.CpuRealtimePeriod` in microseconds.
struct CpuRtPeriodHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "cpu_rt_period",
        summary: "the real-time scheduler period, in microseconds or as a duration like 1s",
        examples: [
            SettingExample("cpu_rt_period: 1000000", .request(#"{"HostConfig": {"CpuRealtimePeriod": 1000000}}"#)),
            SettingExample("cpu_rt_period: 1s", .request(#"{"HostConfig": {"CpuRealtimePeriod": 1000000}}"#)),
            SettingExample("cpu_rt_period: 1.5", .error(#"expected a number of microseconds like 950000 or a duration like "950ms", got "1.5""#)),
            SettingExample("cpu_rt_period: -1", .error(#"got "-1""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.CpuRealtimePeriod = try ComposeDuration.microseconds(value)
    }
}
