import Podlike
import PodlikeYAML

/// `cpu_rt_runtime: 950000` (microseconds) or `cpu_rt_runtime: 950ms` →
/// `HostConfig.CpuRealtimeRuntime` in microseconds.
struct CpuRtRuntimeHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "cpu_rt_runtime",
        summary: "real-time CPU time per cpu_rt_period, in microseconds or as a duration like 950ms",
        examples: [
            SettingExample("cpu_rt_runtime: 950000", .request(#"{"HostConfig": {"CpuRealtimeRuntime": 950000}}"#)),
            SettingExample("cpu_rt_runtime: 950ms", .request(#"{"HostConfig": {"CpuRealtimeRuntime": 950000}}"#)),
            SettingExample("cpu_rt_runtime: '400us'", .request(#"{"HostConfig": {"CpuRealtimeRuntime": 400}}"#)),
            SettingExample("cpu_rt_runtime: soon", .error(#"expected a number of microseconds like 950000 or a duration like "950ms", got "soon""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.CpuRealtimeRuntime = try ComposeDuration.microseconds(value)
    }
}
