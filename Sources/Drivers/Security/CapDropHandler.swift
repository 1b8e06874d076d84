import Podlike
import PodlikeYAML

/// `cap_drop: [ALL]` → `HostConfig.CapDrop`: Linux capabilities removed from the
/// engine's default set, with or without `CAP_`, or `ALL` (then `cap_add` grants
/// back only what the component needs).
struct CapDropHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "cap_drop",
        summary: "Linux capabilities to remove from the engine's default set",
        examples: [
            SettingExample("cap_drop: [ALL]", .request(#"{"HostConfig": {"CapDrop": ["ALL"]}}"#)),
            SettingExample("{cap_drop: [all], cap_add: [NET_BIND_SERVICE]}", .request(#"{"HostConfig": {"CapDrop": ["ALL"], "CapAdd": ["CAP_NET_BIND_SERVICE"]}}"#)),
            SettingExample("cap_drop: [CAP_MKNOD, NET_RAW]", .request(#"{"HostConfig": {"CapDrop": ["CAP_MKNOD", "CAP_NET_RAW"]}}"#)),
            SettingExample("cap_drop: [CAP_NET_RWA]", .error(#"got "CAP_NET_RWA"; did you mean "NET_RAW"?"#)),
            SettingExample("cap_drop: ['']", .error(#"expected a capability like "NET_ADMIN", "CAP_SYS_TIME" or "ALL", got an empty value"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.CapDrop = try Capability.list(value)
    }
}
