import Podlike
import Yams

// STUB-HANDLER: replace with the real handler.
struct ReadOnlyHandler: SettingHandler {
    let descriptor = SettingDescriptor(key: "read_only", summary: "STUB", examples: [])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws {
        throw SettingProblem("not implemented yet", at: value)
    }
}
