/// A service mapping as docker/cli's loader read it into a `ServiceConfig`
/// and `yaml.v2` wrote it back, which is what the original printed: only the
/// keys `ServiceConfig` has (others dropped, and reported here), short forms
/// expanded, empty and false values left out.
struct ComposeNormalizer {
    let workingDirectory: String

    static let serviceKeys: [String] = [
        "build", "cap_add", "cap_drop", "cgroup_parent", "command", "configs", "container_name",
        "credential_spec", "depends_on", "deploy", "devices", "dns", "dns_search", "domainname",
        "entrypoint", "environment", "env_file", "expose", "external_links", "extra_hosts",
        "hostname", "healthcheck", "image", "ipc", "labels", "links", "logging", "mac_address",
        "network_mode", "networks", "pid", "ports", "privileged", "read_only", "restart", "secrets",
        "security_opt", "stdin_open", "stop_grace_period", "stop_signal", "tmpfs", "tty", "ulimits",
        "user", "volumes", "working_dir", "isolation",
    ]

    /// The normalised service and the keys dropped from it.
    func service(_ input: StackMap) throws(TemplateFailure) -> (StackMap, dropped: [String]) {
        var output = StackMap()
        var dropped: [String] = []
        for (key, value) in input.pairs {
            guard Self.serviceKeys.contains(key) else {
                if !key.hasPrefix("x-") { dropped.append(key) }
                continue
            }
            if let normalised = try self.value(key, value) { output[key] = normalised }
        }
        return (output, dropped)
    }

    private func value(_ key: String, _ value: StackValue) throws(TemplateFailure) -> StackValue? {
        if case .null = value { return nil }
        switch key {
        case "command", "entrypoint":
            if let text = value.stringValue { return nonEmpty(.list(try ComposeSyntax.shellSplit(text).map { .string($0) })) }
            return nonEmpty(strings(value))
        case "cap_add", "cap_drop", "devices", "external_links", "links", "security_opt", "expose", "depends_on":
            return nonEmpty(strings(value))
        case "dns", "dns_search", "env_file", "tmpfs":
            if let text = value.scalarText { return .list([.string(text)]) }
            return nonEmpty(strings(value))
        case "extra_hosts":
            if let map = value.mapValue { return nonEmpty(.list(map.pairs.map { .string("\($0.key):\($0.value.scalarText ?? "")") })) }
            return nonEmpty(strings(value))
        case "environment": return nonEmpty(environment(value))
        case "labels": return nonEmpty(labels(value))
        case "ports": return nonEmpty(try ports(value))
        case "volumes": return nonEmpty(volumes(value))
        case "configs", "secrets": return nonEmpty(fileReferences(value))
        case "networks":
            if let list = value.listValue { return .map(StackMap(list.compactMap(\.scalarText).map { ($0, .null) })) }
            return nonEmpty(value)
        case "stop_grace_period": return try duration(value)
        case "healthcheck": return nonEmpty(try healthcheck(value))
        case "deploy": return nonEmpty(try deploy(value))
        case "build":
            if let context = value.stringValue { return .map(StackMap([("context", .string(context))])) }
            return value
        case "privileged", "read_only", "stdin_open", "tty":
            if case .bool(true) = value { return value }
            return nil
        case "ulimits", "logging", "credential_spec": return nonEmpty(value)
        default:
            guard let text = value.scalarText else { return value }
            return text.isEmpty ? nil : .string(text)
        }
    }

    private func nonEmpty(_ value: StackValue?) -> StackValue? {
        switch value {
        case .list(let list) where list.isEmpty: return nil
        case .map(let map) where map.isEmpty: return nil
        case .null: return nil
        default: return value
        }
    }

    private func strings(_ value: StackValue) -> StackValue {
        guard let list = value.listValue else { return value.scalarText.map { .list([.string($0)]) } ?? value }
        return .list(list.map { $0.scalarText.map(StackValue.string) ?? $0 })
    }

    /// `MappingWithEquals`: `KEY=value` or `KEY: value`; a bare `KEY` is null.
    func environment(_ value: StackValue) -> StackValue {
        keyValues(value, bare: .null) { $0.scalarText.map(StackValue.string) ?? .null }
    }

    /// `Labels`: strings to strings; a bare list item is an empty value.
    func labels(_ value: StackValue) -> StackValue {
        keyValues(value, bare: .string("")) { .string($0.scalarText ?? "") }
    }

    /// A `KEY=value` list or a mapping, as a mapping: a list item without `=`
    /// gets `bare`, a mapping's value goes through `entry`.
    private func keyValues(_ value: StackValue, bare: StackValue, entry: (StackValue) -> StackValue) -> StackValue {
        var map = StackMap()
        if let list = value.listValue {
            for item in list {
                guard let text = item.scalarText else { continue }
                if let equals = text.firstIndex(of: "=") {
                    map[String(text[..<equals])] = .string(String(text[text.index(after: equals)...]))
                } else {
                    map[text] = bare
                }
            }
        } else if let pairs = value.mapValue?.pairs {
            for (key, value) in pairs { map[key] = entry(value) }
        }
        return .map(map)
    }

    private func ports(_ value: StackValue) throws(TemplateFailure) -> StackValue {
        var output: [StackValue] = []
        for item in value.listValue ?? [] {
            switch item {
            case .int(let target):
                output.append(.map(StackMap([("mode", .string("ingress")), ("target", .int(target)), ("protocol", .string("tcp"))])))
            case .string(let spec): output += try ComposeSyntax.ports(spec)
            default: output.append(item)
            }
        }
        return .list(output)
    }

    private func volumes(_ value: StackValue) -> StackValue {
        .list((value.listValue ?? []).map { item in
            item.stringValue.map { ComposeSyntax.volume($0, workingDirectory: workingDirectory) } ?? item
        })
    }

    private func fileReferences(_ value: StackValue) -> StackValue {
        .list((value.listValue ?? []).map { item in
            item.stringValue.map { .map(StackMap([("source", .string($0))])) } ?? item
        })
    }

    private func duration(_ value: StackValue) throws(TemplateFailure) -> StackValue? {
        guard let text = value.scalarText else { return value }
        return .string(ComposeSyntax.goDuration(try ComposeSyntax.duration(text)))
    }

    private func healthcheck(_ value: StackValue) throws(TemplateFailure) -> StackValue {
        guard var map = value.mapValue else { return value }
        if let test = map["test"]?.stringValue { map["test"] = .list([.string("CMD-SHELL"), .string(test)]) }
        for key in ["interval", "timeout", "start_period"] {
            if let entry = map[key] { map[key] = try duration(entry) }
        }
        return .map(map)
    }

    private func deploy(_ value: StackValue) throws(TemplateFailure) -> StackValue {
        guard var map = value.mapValue else { return value }
        if let labels = map["labels"] { map["labels"] = nonEmpty(self.labels(labels)) }
        for section in ["restart_policy", "update_config", "rollback_config"] {
            guard var inner = map[section]?.mapValue else { continue }
            for key in ["delay", "window", "monitor"] {
                if let entry = inner[key] { inner[key] = try duration(entry) }
            }
            map[section] = .map(inner)
        }
        return .map(map)
    }
}
