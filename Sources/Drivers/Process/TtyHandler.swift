import Podlike
import PodlikeYAML

/// `tty: true` → `Tty`: the component gets a pseudo-terminal.
struct TtyHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "tty",
        summary: "whether the component gets a pseudo-terminal",
        examples: [
            SettingExample("tty: true", .request(#"{"Tty": true}"#)),
            SettingExample("tty: false", .request(#"{"Tty": false}"#)),
            SettingExample("tty: sometimes", .error(#"expected true or false, got "sometimes""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.Tty = try value.boolValue()
    }
}
