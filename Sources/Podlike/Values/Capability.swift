import PodlikeYAML

/// Linux capability names for `cap_add` and `cap_drop`. Users write them with or
/// without `CAP_` and in any case; the API gets `CAP_NET_ADMIN`, or `ALL`.
public enum Capability {
    /// Every capability of Linux 5.9 and later, without the `CAP_` prefix.
    public static let names = [
        "AUDIT_CONTROL", "AUDIT_READ", "AUDIT_WRITE", "BLOCK_SUSPEND", "BPF", "CHECKPOINT_RESTORE",
        "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "IPC_LOCK", "IPC_OWNER",
        "KILL", "LEASE", "LINUX_IMMUTABLE", "MAC_ADMIN", "MAC_OVERRIDE", "MKNOD", "NET_ADMIN",
        "NET_BIND_SERVICE", "NET_BROADCAST", "NET_RAW", "PERFMON", "SETFCAP", "SETGID", "SETPCAP",
        "SETUID", "SYSLOG", "SYS_ADMIN", "SYS_BOOT", "SYS_CHROOT", "SYS_MODULE", "SYS_NICE",
        "SYS_PACCT", "SYS_PTRACE", "SYS_RAWIO", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG",
        "WAKE_ALARM",
    ]

    public static let expectation = #"a capability like "NET_ADMIN", "CAP_SYS_TIME" or "ALL""#

    /// A list of capability names, each in the API's spelling.
    public static func list(_ node: Node) throws(SettingProblem) -> [String] {
        guard case .sequence(let items) = node else {
            throw .expected("a list of capabilities like [NET_ADMIN, SYS_TIME]", got: node)
        }
        var result: [String] = []
        for item in items {
            let name = try canonical(item)
            guard !result.contains(name) else {
                throw SettingProblem("capability \(item.shortDescription) is listed twice; remove one", at: item)
            }
            result.append(name)
        }
        return result
    }

    private static func canonical(_ item: Node) throws(SettingProblem) -> String {
        var name = try item.nonEmptyText(expected: expectation).uppercased()
        if name == "ALL" { return name }
        if name.hasPrefix("CAP_") { name.removeFirst("CAP_".count) }
        guard names.contains(name) else {
            throw SettingProblem(
                "expected \(expectation), got \(item.shortDescription)" + Suggestion.hint(for: name, in: names),
                at: item)
        }
        return "CAP_" + name
    }
}
