#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GoTemplate
import PodlikeYAML

/// A stack file's value as the template engine handles it: what Go's
/// `yaml.v2` decodes to (`map`, `[]interface{}`, scalars), but with the
/// mapping's written order kept so the output follows the input.
public indirect enum StackValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([StackValue])
    case map(StackMap)

    public var mapValue: StackMap? {
        if case .map(let map) = self { return map }
        return nil
    }

    public var listValue: [StackValue]? {
        if case .list(let list) = self { return list }
        return nil
    }

    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The text Go's `fmt.Sprint` gives a scalar, as mapstructure's weak
    /// decoding turns a number or a bool into a string.
    public var scalarText: String? {
        switch self {
        case .string(let string): return string
        case .int(let int): return String(int)
        case .float(let double): return TemplateValue.float(double).description
        case .bool(let bool): return bool ? "true" : "false"
        case .null, .list, .map: return nil
        }
    }
}

/// A mapping with string keys in insertion order; setting an existing key
/// keeps its place.
public struct StackMap: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [String: StackValue] = [:]

    public init() {}

    public init(_ pairs: [(String, StackValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public subscript(key: String) -> StackValue? {
        get { values[key] }
        set {
            guard let newValue else {
                if values.removeValue(forKey: key) != nil { keys.removeAll { $0 == key } }
                return
            }
            if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
        }
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }
    public var pairs: [(key: String, value: StackValue)] { keys.map { ($0, values[$0]!) } }

    public func contains(_ key: String) -> Bool { values[key] != nil }

    /// Go's `yaml.v2` sorts a `map[string]interface{}`'s keys when it writes one.
    public var sortedByKey: StackMap {
        StackMap(keys.sorted().map { ($0, values[$0]!) })
    }
}

extension StackValue {
    /// A YAML node as `yaml.v2` decodes it: plain scalars resolved by the
    /// core schema, quoted ones always strings. A non-string key is refused.
    public init(node: Node) throws(TemplateFailure) {
        switch node {
        case .scalar(let scalar):
            self = StackValue.resolve(scalar)
        case .sequence(let sequence):
            var items: [StackValue] = []
            for item in sequence { items.append(try StackValue(node: item)) }
            self = .list(items)
        case .mapping(let mapping):
            var map = StackMap()
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw TemplateFailure("a mapping key at \(key.mark.map { "line \($0)" } ?? "?") is not a string; write it as a plain or quoted string")
                }
                map[name] = try StackValue(node: value)
            }
            self = .map(map)
        }
    }

    static func resolve(_ scalar: Node.Scalar) -> StackValue {
        let text = scalar.string
        switch scalar.tag {
        case .null: return .null
        case .bool:
            return .bool(["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"].contains(text))
        case .int:
            if let int = Int(text) { return .int(int) }
            if let int = prefixedInteger(text) { return .int(int) }
            return .string(text)
        case .float:
            let cleaned = text.lowercased()
            switch cleaned {
            case ".inf", "+.inf": return .float(.infinity)
            case "-.inf": return .float(-.infinity)
            case ".nan": return .float(.nan)
            default: return Double(text).map { .float($0) } ?? .string(text)
            }
        default: return .string(text)
        }
    }

    /// Parses YAML text into a value; an empty document is `null`.
    public static func parse(_ text: String, what: String) throws(TemplateFailure) -> StackValue {
        let node: Node?
        do {
            node = try YAML.compose(text)
        } catch {
            throw TemplateFailure("\(what) is not valid YAML: \(error.description)")
        }
        guard let node else { return .null }
        return try StackValue(node: node)
    }
}

extension StackValue {
    /// `0x1F`, `0o17`, `017`: the YAML 1.1 integer spellings `yaml.v2` reads.
    private static func prefixedInteger(_ text: String) -> Int? {
        var body = Substring(text)
        var sign = 1
        if body.first == "-" { sign = -1; body = body.dropFirst() } else if body.first == "+" { body = body.dropFirst() }
        body = Substring(body.replacing("_", with: ""))
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { return Int(lower.dropFirst(2), radix: 16).map { $0 * sign } }
        if lower.hasPrefix("0o") { return Int(lower.dropFirst(2), radix: 8).map { $0 * sign } }
        if lower.hasPrefix("0b") { return Int(lower.dropFirst(2), radix: 2).map { $0 * sign } }
        if lower.hasPrefix("0"), lower.count > 1 { return Int(lower.dropFirst(), radix: 8).map { $0 * sign } }
        return Int(lower).map { $0 * sign }
    }
}
