/// A value handed to a template, and every value a template computes.
///
/// The cases mirror what a YAML or JSON document decodes to in Go
/// (`map[string]interface{}`, `[]interface{}`, `string`, `int`, `float64`,
/// `bool`, `nil`), because the templates this package renders were written
/// against exactly that data. Keeping the set closed lets the executor follow
/// Go's reflection-driven rules without reflection.
public indirect enum TemplateValue: Sendable, Equatable {
    /// Go's `nil` stored in a map entry or list element.
    case null
    case bool(Bool)
    /// Go's `int` (64 bits, like on every platform Go templates usually run).
    case int(Int)
    /// Go's `float64`.
    case float(Double)
    case string(String)
    /// Go's `[]interface{}`.
    case list([TemplateValue])
    /// Go's `map[string]interface{}`; ranging and printing visit keys in
    /// sorted (byte-wise) order, as Go does.
    case map([String: TemplateValue])
    /// A function value, usable with the `call` builtin.
    case function(TemplateFunction)
}

extension TemplateValue {
    /// Go's notion of truth used by `if`, `with`, `and`, `or` and `not`:
    /// the zero value of a type and empty collections are false.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .float(let value): return value != 0
        case .string(let value): return !value.isEmpty
        case .list(let value): return !value.isEmpty
        case .map(let value): return !value.isEmpty
        case .function: return true
        }
    }

    /// The Go type name (as `reflect.Type.String()` spells it) of the value
    /// Go would hold here; it appears verbatim in Go's error messages and in
    /// `printf` diagnostics such as `%!d(string=x)`.
    var goTypeName: String {
        switch self {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float64"
        case .string: return "string"
        case .list: return "[]interface {}"
        case .map: return "map[string]interface {}"
        case .function(let function): return function.goTypeName
        }
    }

    /// Map keys in the order Go's `fmtsort` visits them: byte-wise, which is
    /// what Go's string comparison does (Swift's `<` would normalise).
    static func sortedKeys(_ map: [String: TemplateValue]) -> [String] {
        map.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .float(value) }
}

extension TemplateValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// Later duplicates win, matching how a YAML decoder overwrites keys.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var map: [String: TemplateValue] = [:]
        for (key, value) in elements { map[key] = value }
        self = .map(map)
    }
}

extension TemplateValue: CustomStringConvertible {
    /// The text Go's `fmt.Sprint` produces for this value.
    public var description: String {
        var printer = ValuePrinter()
        printer.printArgument(self, verb: "v")
        return printer.output
    }
}
