import Podlike
import PodlikeYAML

/// `init: true` → `HostConfig.Init`: the engine's init runs as the component's
/// first process, forwarding signals and reaping zombies.
///
/// Compose 2.4 also took a path to an init binary, which the Engine API can't
/// set per container (it is the daemon's `--init-path`), so a path is refused.
struct InitHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "init",
        summary: "whether the engine's init runs first, forwarding signals and reaping zombies",
        examples: [
            SettingExample("init: true", .request(#"{"HostConfig": {"Init": true}}"#)),
            SettingExample("init: false", .request(#"{"HostConfig": {"Init": false}}"#)),
            SettingExample("init: /usr/bin/tini", .error(#"expected true or false, got "/usr/bin/tini"; the init binary is the engine's (dockerd --init-path), so write "init: true""#)),
            SettingExample("init: [tini]", .error("expected true or false, got a list")),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        if case .scalar(let scalar) = value, scalar.string.contains("/") {
            throw SettingProblem(
                "expected true or false, got \(value.shortDescription); the init binary is the engine's "
                    + #"(dockerd --init-path), so write "init: true""#,
                at: value)
        }
        spec.request.HostConfig.Init = try value.boolValue()
    }
}
