/// A value during execution, carrying the two distinctions Go's
/// reflection makes and that show in its output and errors:
///
/// - `missing` is Go's invalid `reflect.Value`: a missing map key, `nil`
///   data, an absent template argument. It prints as `<no value>`.
/// - `boxed` is a value read from an `interface{}` slot (a map entry or
///   list element). Go reports its type as `interface {}` in some errors,
///   and a boxed `nil` is an error to take a field of, where a missing
///   value silently yields another missing value.
///
/// Every pipeline stage unboxes its result, as Go does.
enum Operand: Sendable {
    case missing
    /// A concrete value; never `.null` (Go has no typed untyped-nil).
    case value(TemplateValue)
    case boxed(TemplateValue)

    /// Go's `reflect.ValueOf(data)`: `nil` data is an invalid value.
    init(data: TemplateValue) {
        self = data == .null ? .missing : .value(data)
    }

    /// Go's `indirectInterface`: the concrete value inside a box.
    var unboxed: Operand {
        switch self {
        case .boxed(.null): return .missing
        case .boxed(let value): return .value(value)
        default: return self
        }
    }

    /// The value as an `interface{}` argument receives it (missing is nil).
    var anyValue: TemplateValue {
        switch self {
        case .missing: return .null
        case .value(let value), .boxed(let value): return value
        }
    }

    var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    /// Go's `reflect.Value.Type().String()` for this value.
    var goTypeName: String {
        switch self {
        case .missing: return "<invalid>"
        case .value(let value): return value.goTypeName
        case .boxed: return "interface {}"
        }
    }

    /// Go's truth test as `if` and the boolean builtins apply it.
    var isTruthy: Bool {
        switch unboxed {
        case .missing: return false
        case .value(let value), .boxed(let value): return value.isTruthy
        }
    }
}
