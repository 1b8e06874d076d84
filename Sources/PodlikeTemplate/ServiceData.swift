import GoTemplate

/// `.Service` as the original's templates saw it: docker/cli's
/// `ServiceConfig`, with Go's field names (`.Service.Name`, `.Labels`,
/// `.Ports`), every field present with its zero value when the stack leaves
/// it out, so `empty .Service.Ports` works as it did.
enum ServiceData {
    /// Compose key to `ServiceConfig` field, where the name isn't the key camel-cased.
    static let fieldNames: [String: String] = [
        "dns": "DNS", "dns_search": "DNSSearch", "domainname": "DomainName", "healthcheck": "HealthCheck",
        "env_file": "EnvFile", "mac_address": "MacAddress", "ipc": "Ipc", "pid": "Pid",
        "stop_grace_period": "StopGracePeriod", "cpus": "NanoCPUs", "memory": "MemoryBytes",
        "nocopy": "NoCopy", "ipv4_address": "Ipv4Address", "ipv6_address": "Ipv6Address",
    ]

    static let listFields = ["CapAdd", "CapDrop", "Command", "Configs", "DependsOn", "Devices", "DNS", "DNSSearch",
        "Entrypoint", "EnvFile", "Expose", "ExternalLinks", "ExtraHosts", "Links", "Ports", "Secrets",
        "SecurityOpt", "Tmpfs", "Volumes"]
    static let mapFields = ["Environment", "Labels", "Networks", "Ulimits"]
    static let stringFields = ["CgroupParent", "ContainerName", "DomainName", "Hostname", "Image", "Ipc",
        "MacAddress", "NetworkMode", "Pid", "Restart", "StopSignal", "User", "WorkingDir", "Isolation"]
    static let boolFields = ["Privileged", "ReadOnly", "StdinOpen", "Tty"]

    /// The view of one service, already normalised by `ComposeNormalizer`.
    static func view(name: String, service: StackMap) -> TemplateValue {
        var fields: [String: TemplateValue] = [:]
        for field in listFields { fields[field] = .list([]) }
        for field in mapFields { fields[field] = .map([:]) }
        for field in stringFields { fields[field] = .string("") }
        for field in boolFields { fields[field] = .bool(false) }
        fields["Deploy"] = .map(["Mode": "", "Labels": .map([:]), "Resources": .map([:]), "Placement": .map([:]), "EndpointMode": ""])
        fields["Build"] = .map([:])
        fields["CredentialSpec"] = .map([:])
        fields["HealthCheck"] = .null
        fields["Logging"] = .null
        fields["StopGracePeriod"] = .null
        for (key, value) in service.pairs {
            // User data keeps its keys; Compose structure gets Go's field names.
            let keepKeys = key == "environment" || key == "labels" || key == "networks" || key == "ulimits"
            fields[goName(key)] = convert(value, keepKeys: keepKeys)
        }
        fields["Name"] = .string(name)
        return .map(fields)
    }

    static func goName(_ key: String) -> String {
        if let name = fieldNames[key] { return name }
        return key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private static func convert(_ value: StackValue, keepKeys: Bool) -> TemplateValue {
        switch value {
        case .map(let map):
            var out: [String: TemplateValue] = [:]
            for (key, entry) in map.pairs {
                // Labels, options and the like are user data again.
                let keep = keepKeys || ["labels", "options", "driver_opts", "environment"].contains(key)
                out[keepKeys ? key : goName(key)] = convert(entry, keepKeys: keep)
            }
            return .map(out)
        case .list(let list): return .list(list.map { convert($0, keepKeys: keepKeys) })
        default: return TemplateValues.from(value)
        }
    }
}

/// Conversions between stack values and template values.
enum TemplateValues {
    static func from(_ value: StackValue) -> TemplateValue {
        switch value {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .int(int)
        case .float(let double): return .float(double)
        case .string(let string): return .string(string)
        case .list(let list): return .list(list.map(from))
        case .map(let map):
            var out: [String: TemplateValue] = [:]
            for (key, entry) in map.pairs { out[key] = from(entry) }
            return .map(out)
        }
    }

    /// Back to a stack value, maps sorted by key as `yaml.v2` writes a Go map.
    static func stack(_ value: TemplateValue) -> StackValue {
        switch value {
        case .null, .function: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .int(int)
        case .float(let double): return .float(double)
        case .string(let string): return .string(string)
        case .list(let list): return .list(list.map(stack))
        case .map(let map): return .map(StackMap(map.keys.sorted().map { ($0, stack(map[$0]!)) }))
        }
    }
}
