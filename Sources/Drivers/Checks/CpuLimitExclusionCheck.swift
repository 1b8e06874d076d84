import Podlike

/// `cpus` is the engine's shorthand for a CFS quota over its own period, so it
/// can't be combined with `cpu_quota` or `cpu_period` ("Conflicting options").
struct CpuLimitExclusionCheck: SettingCheck {
    let descriptor = CheckDescriptor(
        name: "cpu limit exclusion",
        summary: "cpus excludes cpu_quota and cpu_period",
        examples: [
            SettingExample("{image: app, cpu_period: 100000, cpu_quota: 50000}", .request(#"{"HostConfig": {"CpuPeriod": 100000, "CpuQuota": 50000}}"#)),
            SettingExample("{image: app, cpus: 0.5, cpu_quota: 50000}", .error("cpus can't be combined with cpu_quota")),
            SettingExample("{image: app, cpu_period: 100000, deploy: {resources: {limits: {cpus: '0.5'}}}}", .error("deploy can't be combined with cpu_period")),
        ])

    func problem(in spec: ComponentSpec) -> CheckProblem? {
        let host = spec.request.HostConfig
        guard let nanoCpus = host.NanoCpus, nanoCpus > 0 else { return nil }
        let others = [("cpu_quota", host.CpuQuota), ("cpu_period", host.CpuPeriod)]
            .filter { ($0.1 ?? 0) > 0 }.map(\.0)
        guard !others.isEmpty else { return nil }
        let key = spec.writtenKey("cpus", "deploy")
        return CheckProblem(key: key, """
            \(key) can't be combined with \(others.joined(separator: " or ")) (the engine refuses both); \
            write either cpus: \(ResourceFormat.cpus(nanoCpus).split(separator: " ")[0]), or cpu_period with cpu_quota
            """)
    }
}
