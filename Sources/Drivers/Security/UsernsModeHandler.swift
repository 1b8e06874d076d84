import Podlike
import PodlikeYAML

/// `userns_mode: host` → `HostConfig.UsernsMode`: opts the component out of the
/// engine's user-namespace remapping. `host` is the only mode the API offers; an
/// empty value is the engine's own "unset", passed on as it is.
struct UsernsModeHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "userns_mode",
        summary: "\"host\" opts the component out of the engine's user-namespace remapping",
        examples: [
            SettingExample("userns_mode: host", .request(#"{"HostConfig": {"UsernsMode": "host"}}"#)),
            SettingExample("userns_mode: private", .error(#"expected "host", the only user namespace mode the engine offers, got "private"; leave userns_mode out to keep the engine's remapping"#)),
            SettingExample("userns_mode: ''", .request(#"{"HostConfig": {"UsernsMode": ""}}"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let mode = try value.text(expected: #""host""#)
        guard mode == "host" || mode.isEmpty else {
            throw SettingProblem(
                #"expected "host", the only user namespace mode the engine offers, got \#(value.shortDescription); "#
                    + "leave userns_mode out to keep the engine's remapping",
                at: value)
        }
        spec.request.HostConfig.UsernsMode = mode
    }
}
