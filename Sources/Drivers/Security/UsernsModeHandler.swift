import Podlike
import Yams

/// `userns_mode: host` → `HostConfig.UsernsMode`: opts the component out of the
/// engine's user-namespace remapping. `host` is the only mode the API offers.
struct UsernsModeHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "userns_mode",
        summary: "\"host\" opts the component out of the engine's user-namespace remapping",
        examples: [
            SettingExample("userns_mode: host", .request(#"{"HostConfig": {"UsernsMode": "host"}}"#)),
            SettingExample("userns_mode: private", .error(#"expected "host", the only user namespace mode the engine offers, got "private"; leave userns_mode out to keep the engine's remapping"#)),
            SettingExample("userns_mode: ''", .error(#"expected "host""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws {
        guard try value.text(expected: #""host""#) == "host" else {
            throw SettingProblem(
                #"expected "host", the only user namespace mode the engine offers, got \#(value.shortDescription); "#
                    + "leave userns_mode out to keep the engine's remapping",
                at: value)
        }
        spec.request.HostConfig.UsernsMode = "host"
    }
}
