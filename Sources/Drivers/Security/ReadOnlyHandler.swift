import Podlike
import PodlikeYAML

/// `read_only: true` → `HostConfig.ReadonlyRootfs`: the component's root
/// filesystem is mounted read-only; volumes and tmpfs mounts stay writable.
struct ReadOnlyHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "read_only",
        summary: "whether the component's root filesystem is read-only",
        examples: [
            SettingExample("read_only: true", .request(#"{"HostConfig": {"ReadonlyRootfs": true}}"#)),
            SettingExample("read_only: false", .request(#"{"HostConfig": {"ReadonlyRootfs": false}}"#)),
            SettingExample("read_only: [/]", .error("expected true or false, got a list")),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.ReadonlyRootfs = try value.boolValue()
    }
}
