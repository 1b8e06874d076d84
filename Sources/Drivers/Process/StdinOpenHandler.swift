import Podlike
import PodlikeYAML

/// `stdin_open: true` → `OpenStdin`: the component's stdin stays open, as with
/// `docker run -d -i`, so a process that reads it doesn't see EOF. Nothing
/// attaches to it, so `AttachStdin` stays unset.
struct StdinOpenHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "stdin_open",
        summary: "whether the component's stdin is kept open",
        examples: [
            SettingExample("stdin_open: true", .request(#"{"OpenStdin": true}"#)),
            SettingExample("stdin_open: false", .request(#"{"OpenStdin": false}"#)),
            SettingExample("stdin_open: 1", .error(#"expected true or false, got "1""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let open = try value.boolValue()
        spec.request.OpenStdin = open
    }
}
