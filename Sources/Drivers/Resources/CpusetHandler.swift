import Podlike
import PodlikeYAML

/// `cpuset: "0-3"` or `cpuset: "0,2"` (CPU numbers and ranges, comma-separated)
/// → `HostConfig.CpusetCpus`.
struct CpusetHandler: SettingHandler {
    static let expectation = #"CPU numbers and ranges like "0-3" or "0,2""#

    let descriptor = SettingDescriptor(
        key: "cpuset",
        summary: "the CPUs the component may run on, like \"0-3\" or \"0,2\"",
        examples: [
            SettingExample("cpuset: 0-1", .request(#"{"HostConfig": {"CpusetCpus": "0-1"}}"#)),
            SettingExample("cpuset: '0,2'", .request(#"{"HostConfig": {"CpusetCpus": "0,2"}}"#)),
            SettingExample("cpuset: 0-3,6", .request(#"{"HostConfig": {"CpusetCpus": "0-3,6"}}"#)),
            SettingExample("cpuset: 3-1", .error(#"expected CPU numbers and ranges like "0-3" or "0,2", got "3-1""#)),
            SettingExample("cpuset: all", .error(#"got "all""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws {
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
        spec.request.HostConfig.CpusetCpus = cpus
    }
}
