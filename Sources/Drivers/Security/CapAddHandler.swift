import Podlike
import PodlikeYAML

/// `cap_add: [NET_ADMIN, SYS_TIME]` → `HostConfig.CapAdd`: Linux capabilities
/// granted beyond the engine's default set, with or without `CAP_`, or `ALL`.
/// Network capabilities act on the network namespace every component shares.
struct CapAddHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "cap_add",
        summary: "Linux capabilities to grant beyond the engine's default set",
        examples: [
            SettingExample("cap_add: [NET_ADMIN, SYS_TIME]", .request(#"{"HostConfig": {"CapAdd": ["CAP_NET_ADMIN", "CAP_SYS_TIME"]}}"#)),
            SettingExample("cap_add: [CAP_SYS_PTRACE, ipc_lock]", .request(#"{"HostConfig": {"CapAdd": ["CAP_SYS_PTRACE", "CAP_IPC_LOCK"]}}"#)),
            SettingExample("cap_add: [ALL]", .request(#"{"HostConfig": {"CapAdd": ["ALL"]}}"#)),
            SettingExample("cap_add: [NET_ADMN]", .error(#"expected a capability like "NET_ADMIN", "CAP_SYS_TIME" or "ALL", got "NET_ADMN"; did you mean "NET_ADMIN"?"#)),
            SettingExample("cap_add: NET_ADMIN", .error(#"expected a list of capabilities like [NET_ADMIN, SYS_TIME], got "NET_ADMIN""#)),
            SettingExample("cap_add: [NET_ADMIN, CAP_NET_ADMIN]", .error(#"capability "CAP_NET_ADMIN" is listed twice; remove one"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.CapAdd = try Capability.list(value)
    }
}
