import Podlike
import PodlikeYAML

/// `oom_kill_disable: true` → `HostConfig.OomKillDisable`. Without a `mem_limit`
/// the OOM killer may then take host processes instead.
struct OomKillDisableHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "oom_kill_disable",
        summary: "keeps the OOM killer off the component's processes; set mem_limit with it",
        examples: [
            SettingExample("oom_kill_disable: true", .request(#"{"HostConfig": {"OomKillDisable": true}}"#)),
            SettingExample("oom_kill_disable: false", .request(#"{"HostConfig": {"OomKillDisable": false}}"#)),
            SettingExample("oom_kill_disable: sometimes", .error(#"expected true or false, got "sometimes""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.OomKillDisable = try value.boolValue()
    }
}
