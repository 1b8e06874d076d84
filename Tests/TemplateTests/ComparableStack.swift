import PodlikeTemplate

/// A stack as comparable data: mappings as unordered keys, scalars with
/// their YAML type, the component labels' values parsed as YAML; the
/// original's label prefix, default image and Go flag spelling mapped to
/// ours, and the controller's default socket mount (which the original left
/// out when the pod already had volumes) not compared.
enum Comparable: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([Comparable])
    case map([String: Comparable])

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "bool(\(b))"
        case .int(let i): return "int(\(i))"
        case .float(let f): return "float(\(f))"
        case .string(let s): return s.debugDescription
        case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joined(separator: ", ") + "}"
        }
    }

    static let defaultSocket = StackValue.map(StackMap([
        ("type", .string("bind")), ("source", .string("/var/run/docker.sock")),
        ("target", .string("/var/run/docker.sock")), ("read_only", .bool(true)),
    ]))

    /// The whole stack: services' controllers get the socket rule, the rest is plain.
    static func stack(_ value: StackValue) -> Comparable {
        guard var stack = value.mapValue else { return canonical(value) }
        if var services = stack["services"]?.mapValue {
            for (name, service) in services.pairs {
                guard var map = service.mapValue, let volumes = map["volumes"]?.listValue,
                      map["labels"]?.mapValue?.keys.contains(where: { $0.hasPrefix("pod.") }) == true else { continue }
                map["volumes"] = .list(volumes.filter { $0 != defaultSocket })
                if map["volumes"]?.listValue?.isEmpty == true { map["volumes"] = nil }
                services[name] = .map(map)
            }
            stack["services"] = .map(services)
        }
        return canonical(.map(stack))
    }

    static func canonical(_ value: StackValue, key: String = "") -> Comparable {
        switch value {
        case .map(let map):
            var out: [String: Comparable] = [:]
            for (k, v) in map.pairs {
                // This project's `pod.container.NAME` is the original's `pod.component.NAME`.
                let name = k.hasPrefix("pod.container.") ? "pod.component." + k.dropFirst("pod.container.".count) : k
                out[name] = canonical(v, key: name)
            }
            return .map(out)
        case .list(let list):
            return .list(list.map { item in
                if key == "command", case .string("-logs") = item { return .string("--logs") }
                return canonical(item)
            })
        case .string(let text):
            if key.hasPrefix("pod.component.") || key.hasPrefix("pod.container.") || key.hasPrefix("pod.init.") || key.hasPrefix("pod.copy."),
               let parsed = try? StackValue.parse(text, what: key) {
                return canonical(parsed)
            }
            if key == "image", text.hasPrefix("rycus86/podlike:") { return .string("podlike:dev") }
            return .string(text)
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let f): return .float(f)
        }
    }
}
