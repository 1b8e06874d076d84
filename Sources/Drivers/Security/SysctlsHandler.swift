import Podlike
import PodlikeYAML

/// `sysctls` as a mapping or a `name=value` list → `HostConfig.Sysctls`, values
/// as text. `net.*` settings act on the network namespace that every component
/// of the pod shares, so they come with a warning.
struct SysctlsHandler: SettingHandler {
    static let example = "{net.core.somaxconn: 1024}"

    let descriptor = SettingDescriptor(
        key: "sysctls",
        summary: "kernel parameters for the component, as a mapping or a list of name=value",
        examples: [
            SettingExample("sysctls: {kernel.shm_rmid_forced: 1, kernel.msgmax: 65536}",
                           .request(#"{"HostConfig": {"Sysctls": {"kernel.shm_rmid_forced": "1", "kernel.msgmax": "65536"}}}"#)),
            SettingExample("sysctls: [kernel.shm_rmid_forced=1]", .request(#"{"HostConfig": {"Sysctls": {"kernel.shm_rmid_forced": "1"}}}"#)),
            SettingExample("sysctls: {net.core.somaxconn: 1024}",
                           .warning(#"sysctl "net.core.somaxconn" changes the network namespace that every component of the pod shares"#,
                                    request: #"{"HostConfig": {"Sysctls": {"net.core.somaxconn": "1024"}}}"#)),
            SettingExample("sysctls: [net.ipv4.tcp_syncookies]", .error(#"expected a value for sysctl "net.ipv4.tcp_syncookies", like "net.ipv4.tcp_syncookies=1""#)),
            SettingExample("sysctls: {kernel.msgmax: }", .error(#"expected a value for sysctl "kernel.msgmax", like "kernel.msgmax=1""#)),
            SettingExample("sysctls: net.core.somaxconn=1024", .error(#"expected a mapping like {net.core.somaxconn: 1024} or a list of "KEY=value", got "net.core.somaxconn=1024""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let entries = try KeyValueList.parse(value, example: Self.example)
        // parse keeps one entry per key or item, in order, so they pair up with the nodes.
        let nodes: [Node] = switch value {
        case .mapping(let mapping): Array(mapping.keys)
        case .sequence(let items): Array(items)
        default: []
        }
        var sysctls = spec.request.HostConfig.Sysctls ?? [:]
        for (entry, node) in zip(entries, nodes) {
            guard !entry.key.isEmpty, !entry.key.contains(where: \.isWhitespace) else {
                throw SettingProblem.expected(#"a sysctl like "net.core.somaxconn=1024""#, got: node)
            }
            guard let setting = entry.value, !setting.isEmpty else {
                throw SettingProblem("expected a value for sysctl \"\(entry.key)\", like \"\(entry.key)=1\"", at: node)
            }
            if entry.key.hasPrefix("net.") {
                spec.warnings.append("sysctl \"\(entry.key)\" changes the network namespace that every component of the pod shares")
            }
            sysctls[entry.key] = setting
        }
        spec.request.HostConfig.Sysctls = sysctls
    }
}
