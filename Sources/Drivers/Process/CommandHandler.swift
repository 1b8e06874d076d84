import Podlike
import Yams

// STUB-HANDLER: replace with the real handler.
struct CommandHandler: SettingHandler {
    let descriptor = SettingDescriptor(key: "command", summary: "STUB", examples: [])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws {
        throw SettingProblem("not implemented yet", at: value)
    }
}
