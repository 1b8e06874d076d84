import Podlike
import Yams

// STUB-HANDLER: replace with the real handler.
struct EnvFileHandler: SettingHandler {
    let descriptor = SettingDescriptor(key: "env_file", summary: "STUB", examples: [])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws {
        throw SettingProblem("not implemented yet", at: value)
    }
}
