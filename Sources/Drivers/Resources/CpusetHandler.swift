import Podlike
import PodlikeYAML

/// `cpuset: "0-3"` or `cpuset: "0,2"` (CPU numbers and ranges, comma-separated)
/// → `HostConfig.CpusetCpus`.
struct CpusetHandler: SettingHandler {
    static let expectation = #"CPU numbers and ranges like "0-3" or "0,2""#
    /// The kernel's NR_CPUS at its largest (x86_64 MAXSMP): 8192 CPUs, 0 to 8191.
    static let lastCpu: UInt32 = 8191

    let descriptor = SettingDescriptor(
        key: "cpuset",
        summary: "the CPUs the component may run on, like \"0-3\" or \"0,2\"",
        examples: [
            SettingExample("cpuset: 0-1", .request(#"{"HostConfig": {"CpusetCpus": "0-1"}}"#)),
            SettingExample("cpuset: '0,2'", .request(#"{"HostConfig": {"CpusetCpus": "0,2"}}"#)),
            SettingExample("cpuset: 0-3,6", .request(#"{"HostConfig": {"CpusetCpus": "0-3,6"}}"#)),
            SettingExample("cpuset: 3-1", .error(#"expected CPU numbers and ranges like "0-3" or "0,2", got "3-1""#)),
            SettingExample("cpuset: all", .error(#"got "all""#)),
            SettingExample("cpuset: 0-4294967295", .error("CPU 4294967295 is past the last CPU Linux can have, 8191")),
            SettingExample("cpuset: 0-8191", .request(#"{"HostConfig": {"CpusetCpus": "0-8191"}}"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let cpus = try value.nonEmptyText(expected: Self.expectation)
        let valid = cpus.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { item in
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map { UInt32($0) }
            switch bounds.count {
            case 1: return bounds[0] != nil
            case 2:
                guard let low = bounds[0], let high = bounds[1] else { return false }
                return low <= high
            default: return false
            }
        }
        guard valid else { throw SettingProblem.expected(Self.expectation, got: value) }
        let highest = cpus.split { $0 == "," || $0 == "-" }.compactMap { UInt32($0) }.max() ?? 0
        guard highest <= Self.lastCpu else {
            throw SettingProblem("CPU \(highest) is past the last CPU Linux can have, \(Self.lastCpu) (the engine refuses CPUs the host doesn't have)", at: value)
        }
        spec.request.HostConfig.CpusetCpus = cpus
    }
}
