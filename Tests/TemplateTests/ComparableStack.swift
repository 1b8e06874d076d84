import PodlikeTemplate

/// A stack as comparable data: mappings as unordered keys, scalars with
/// their YAML type, the component labels' values parsed as YAML; the
/// original's label prefix, default image and Go flag spelling mapped to
/// ours. Nothing else may differ.
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

    /// The whole stack, compared as it is.
    static func stack(_ value: StackValue) -> Comparable {
        canonical(value)
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
