import Podlike
import PodlikeYAML

/// `pids_limit: 100` → `HostConfig.PidsLimit`; `-1` (or 0) means no limit.
struct PidsLimitHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "pids_limit",
        summary: "the most processes the component may run, or -1 for no limit",
        examples: [
            SettingExample("pids_limit: 100", .request(#"{"HostConfig": {"PidsLimit": 100}}"#)),
            SettingExample("pids_limit: -1", .request(#"{"HostConfig": {"PidsLimit": -1}}"#)),
            SettingExample("pids_limit: -5", .error(#"expected a number of processes like 100, or -1 for no limit, got "-5""#)),
            SettingExample("pids_limit: many", .error(#"got "many""#)),
            SettingExample("pids_limit: 99999999999999999999", .error(#"99999999999999999999 is out of range, past the 64-bit integers the Engine API takes (at most 9223372036854775807)"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.PidsLimit = try ResourceAmount.pidsLimit(value)
    }
}
