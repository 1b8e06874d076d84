import Podlike
import Yams

// STUB-HANDLER: replace with the real handler.
struct GroupAddHandler: SettingHandler {
    let descriptor = SettingDescriptor(key: "group_add", summary: "STUB", examples: [])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws {
        throw SettingProblem("not implemented yet", at: value)
    }
}
