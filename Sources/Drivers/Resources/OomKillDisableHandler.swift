import Podlike
import Yams

// STUB-HANDLER: replace with the real handler.
struct OomKillDisableHandler: SettingHandler {
    let descriptor = SettingDescriptor(key: "oom_kill_disable", summary: "STUB", examples: [])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws {
        throw SettingProblem("not implemented yet", at: value)
    }
}
