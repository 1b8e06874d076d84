import Podlike
import PodlikeYAML

/// `device_cgroup_rules: ["c 1:3 mr", "a 7:* rmw"]` → `HostConfig.DeviceCgroupRules`.
/// Each rule is `type major:minor access`: type `a` (all), `b` (block) or `c`
/// (character), numbers or `*`, and access from `r`, `w`, `m`.
struct DeviceCgroupRulesHandler: SettingHandler {
    static let expectation = #"a rule like "c 1:3 mr" (type a, b or c; major:minor, numbers or *; access from r, w, m)"#

    let descriptor = SettingDescriptor(
        key: "device_cgroup_rules",
        summary: "device cgroup rules like \"c 1:3 mr\", letting the component create and use those devices",
        examples: [
            SettingExample("device_cgroup_rules: ['c 1:3 mr', 'a 7:* rmw']", .request(#"{"HostConfig": {"DeviceCgroupRules": ["c 1:3 mr", "a 7:* rmw"]}}"#)),
            SettingExample("device_cgroup_rules: ['b *:* r']", .request(#"{"HostConfig": {"DeviceCgroupRules": ["b *:* r"]}}"#)),
            SettingExample("device_cgroup_rules: ['c 1:3 rx']", .error(#"expected a rule like "c 1:3 mr" (type a, b or c; major:minor, numbers or *; access from r, w, m), got "c 1:3 rx""#)),
            SettingExample("device_cgroup_rules: ['d 1:3 r']", .error(#"got "d 1:3 r""#)),
            SettingExample("device_cgroup_rules: 'c 1:3 mr'", .error(#"expected a list of rules like "c 1:3 mr", got "c 1:3 mr""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        guard case .sequence(let items) = value else {
            throw SettingProblem.expected(#"a list of rules like "c 1:3 mr""#, got: value)
        }
        spec.request.HostConfig.DeviceCgroupRules = try items.map { (item) throws(SettingProblem) in
            let rule = try item.nonEmptyText(expected: Self.expectation)
            guard Self.isRule(rule) else { throw SettingProblem.expected(Self.expectation, got: item) }
            return rule
        }
    }

    /// `type major:minor access`, checked loosely: the kernel has the final say.
    private static func isRule(_ rule: String) -> Bool {
        let words = rule.split(separator: " ")
        guard words.count == 3, ["a", "b", "c"].contains(words[0]) else { return false }
        let numbers = words[1].split(separator: ":", omittingEmptySubsequences: false)
        return numbers.count == 2 && numbers.allSatisfy { $0 == "*" || UInt32($0) != nil } && DeviceAccess.isValid(words[2])
    }
}
