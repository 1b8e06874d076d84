/// How template outputs are merged, as the original merges them: what is
/// already there stays, mappings merge key by key, lists append, a list of
/// `key=value` strings and a mapping merge as one mapping, and a string is
/// appended to a list. Any other second value is ignored: the first wins.
public enum Merging {
    public static func merge(into target: inout StackMap, _ source: StackMap) {
        for (key, value) in source.pairs {
            guard let existing = target[key] else {
                target[key] = value
                continue
            }
            switch (existing, value) {
            case (.map(var map), .map(let more)):
                merge(into: &map, more)
                target[key] = .map(map)
            case (.map(var map), .list(let items)):
                // The list's `key=value` items join the mapping; a list that
                // isn't all strings adds nothing.
                merge(into: &map, keyValueMap(items) ?? StackMap())
                target[key] = .map(map)
            case (.list(let items), .list(let more)):
                target[key] = .list(items + more)
            case (.list(let items), .map(let more)):
                guard var map = keyValueMap(items) else { continue }
                merge(into: &map, more)
                target[key] = .map(map)
            case (.list(let items), .string):
                target[key] = .list(items + [value])
            default:
                continue
            }
        }
    }

    /// `["A=1", "B"]` as `{A: "1", B: ""}`; nil when an item isn't a string.
    static func keyValueMap(_ items: [StackValue]) -> StackMap? {
        var map = StackMap()
        for item in items {
            guard let text = item.stringValue else { return nil }
            if let equals = text.firstIndex(of: "=") {
                map[String(text[..<equals])] = .string(String(text[text.index(after: equals)...]))
            } else {
                map[text] = .string("")
            }
        }
        return map
    }

    /// Copies the service's own keys the template didn't write, for the keys
    /// the original copies to the controller or to the main component.
    static func copyServiceProperties(into definition: inout StackMap, from service: StackMap, keys: Set<String>) {
        for (key, value) in service.pairs where keys.contains(key) && !definition.contains(key) {
            definition[key] = value
        }
    }

    /// The service keys the controller takes over when its templates don't set them.
    public static let podKeys: Set<String> = [
        "configs", "credential_spec", "deploy", "dns", "dns_search", "domainname", "entrypoint",
        "env_file", "environment", "expose", "extra_hosts", "healthcheck", "hostname", "ipc",
        "isolation", "labels", "logging", "mac_address", "networks", "pid", "ports", "privileged",
        "read_only", "secrets", "shm_size", "stdin_open", "stop_grace_period", "tmpfs", "tty",
        "ulimits", "user", "volumes", "working_dir",
    ]

    /// The service keys the main component takes over when its templates don't set them.
    public static let transformerKeys: Set<String> = [
        "blkio_config", "cap_add", "cap_drop", "command", "cpu_count", "cpu_percent", "cpu_period",
        "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "depends_on",
        "device_cgroup_rules", "devices", "entrypoint", "env_file", "environment", "group_add",
        "healthcheck", "image", "isolation", "labels", "logging", "mem_limit", "mem_reservation",
        "mem_swappiness", "memswap_limit", "oom_kill_disable", "oom_score_adj", "pids_limit",
        "privileged", "read_only", "runtime", "security_opt", "shm_size", "stdin_open",
        "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits",
        "user", "userns_mode", "volumes", "working_dir",
    ]
}
