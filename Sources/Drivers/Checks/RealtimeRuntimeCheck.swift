import Podlike

/// A real-time runtime is a share of its period, so it can't be longer.
struct RealtimeRuntimeCheck: SettingCheck {
    let descriptor = CheckDescriptor(
        name: "real-time runtime",
        summary: "cpu_rt_runtime is at most cpu_rt_period",
        examples: [
            SettingExample("{image: app, cpu_rt_period: 1000000, cpu_rt_runtime: 950000}", .request(#"{"HostConfig": {"CpuRealtimePeriod": 1000000, "CpuRealtimeRuntime": 950000}}"#)),
            SettingExample("{image: app, cpu_rt_period: 1000, cpu_rt_runtime: 2000}", .error("cpu_rt_runtime (2000 µs) is longer than cpu_rt_period (1000 µs)")),
        ])

    func problem(in spec: ComponentSpec) -> CheckProblem? {
        let host = spec.request.HostConfig
        guard let runtime = host.CpuRealtimeRuntime, let period = host.CpuRealtimePeriod,
              runtime > 0, period > 0, runtime > period else { return nil }
        return CheckProblem(key: "cpu_rt_runtime", """
            cpu_rt_runtime (\(runtime) µs) is longer than cpu_rt_period (\(period) µs), which the engine refuses; \
            write a runtime of at most the period
            """)
    }
}
