import Podlike
import PodlikeYAML

/// `cpu_quota: 50000` (microseconds per `cpu_period`) → `HostConfig.CpuQuota`.
/// The kernel takes at least 1ms and at most 2^44 - 1 µs, or -1 for no quota.
struct CpuQuotaHandler: SettingHandler {
    static let expectation = "microseconds of CPU time per period, from 1000 to 17592186044415, or -1 for no quota"
    /// The kernel's largest CFS quota (`max_cfs_runtime`), in microseconds.
    static let maximum: Int64 = (1 << 44) - 1

    let descriptor = SettingDescriptor(
        key: "cpu_quota",
        summary: "microseconds of CPU time the component gets in each cpu_period",
        examples: [
            SettingExample("cpu_quota: 50000", .request(#"{"HostConfig": {"CpuQuota": 50000}}"#)),
            SettingExample("cpu_quota: -1", .request(#"{"HostConfig": {"CpuQuota": -1}}"#)),
            SettingExample("cpu_quota: 500", .error(#"expected microseconds of CPU time per period, from 1000 to 17592186044415, or -1 for no quota, got "500""#)),
            SettingExample("cpu_quota: 9223372036854775807", .error(#"got "9223372036854775807""#)),
            SettingExample("cpu_quota: 50%", .error(#"got "50%""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.CpuQuota = try value.integer(expected: Self.expectation) { $0 == -1 || (1000...Self.maximum).contains($0) }
    }
}
