import Podlike
import PodlikeYAML

/// `cpus: 0.5` or `cpus: "1.5"` → `HostConfig.NanoCpus` (CPUs × 10⁹). The pod's
/// cgroup still bounds the component by the controller's own CPU limit.
struct CpusHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "cpus",
        summary: "how many CPUs the component may use, like 0.5 or 1.5",
        examples: [
            SettingExample("cpus: 0.5", .request(#"{"HostConfig": {"NanoCpus": 500000000}}"#)),
            SettingExample("cpus: '1.5'", .request(#"{"HostConfig": {"NanoCpus": 1500000000}}"#)),
            SettingExample("cpus: 2", .request(#"{"HostConfig": {"NanoCpus": 2000000000}}"#)),
            SettingExample("cpus: 0.01", .request(#"{"HostConfig": {"NanoCpus": 10000000}}"#)),
            SettingExample("cpus: 1e-12", .error(#""1e-12" CPUs is below the smallest CPU limit the kernel takes, 0.01"#)),
            SettingExample("cpus: -1", .error(#"expected a number of CPUs like 0.5 or "1.5", from 0.01 to 1000000, or 0 for no limit, got "-1""#)),
            SettingExample("cpus: 1e300", .error(#"from 0.01 to 1000000, or 0 for no limit, got "1e300""#)),
            SettingExample("cpus: half", .error(#"expected a number of CPUs like 0.5 or "1.5", from 0.01 to 1000000, or 0 for no limit, got "half""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.NanoCpus = try ResourceAmount.nanoCpus(value)
    }
}
