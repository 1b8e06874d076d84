/// `eq`, `ne`, `lt`, `le`, `gt`, `ge` with Go 1.18+ rules: basic kinds
/// compare by value (strings byte-wise), different basic kinds are an
/// error (there is one int and one float kind here, so `eq 1 1.0` fails
/// as it does in Go), `nil` equals only `nil`, and lists, maps and
/// functions are not comparable.
enum Comparison {
    private enum BasicKind: Sendable, Equatable { case bool, int, float, string, other }

    private static func kind(_ operand: Operand) -> BasicKind {
        guard case .value(let value) = operand else { return .other }
        switch value {
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .string: return .string
        default: return .other
        }
    }

    /// Go's `reflect.Kind` family, for `canCompare`.
    private static func reflectKind(_ operand: Operand) -> String {
        guard case .value(let value) = operand else { return "invalid" }
        switch value {
        case .list: return "slice"
        case .map: return "map"
        case .function: return "func"
        default: return value.goTypeName
        }
    }

    /// `eq a b c...`: whether `a` equals any of the others.
    static func equal(_ first: Operand, _ others: [Operand]) throws(CallFailure) -> Bool {
        let lhs = first.unboxed
        if others.isEmpty { throw CallFailure("missing argument for comparison") }
        let lhsKind = kind(lhs)
        for other in others {
            let rhs = other.unboxed
            let rhsKind = kind(rhs)
            var truth = false
            if lhsKind != rhsKind {
                if !lhs.isMissing && !rhs.isMissing {
                    throw CallFailure("incompatible types for comparison: \(lhs.goTypeName) and \(rhs.goTypeName)")
                }
            } else {
                switch (lhs, rhs) {
                case (.value(.bool(let a)), .value(.bool(let b))): truth = a == b
                case (.value(.int(let a)), .value(.int(let b))): truth = a == b
                case (.value(.float(let a)), .value(.float(let b))): truth = a == b
                case (.value(.string(let a)), .value(.string(let b))): truth = a.utf8.elementsEqual(b.utf8)
                default:
                    truth = try compareNonBasic(lhs, rhs)
                }
            }
            if truth { return true }
        }
        return false
    }

    /// Lists, maps, functions and nil: only nil-ness can be compared.
    private static func compareNonBasic(_ lhs: Operand, _ rhs: Operand) throws(CallFailure) -> Bool {
        let lhsKind = reflectKind(lhs)
        let rhsKind = reflectKind(rhs)
        if lhsKind != rhsKind && lhsKind != "invalid" && rhsKind != "invalid" {
            let left = ValuePrinter.format(lhs.anyValue, verb: "s")
            let right = ValuePrinter.format(rhs.anyValue)
            throw CallFailure("non-comparable types \(left): \(lhs.goTypeName), \(rhs.goTypeName): \(right)")
        }
        if lhs.isMissing || rhs.isMissing {
            return lhs.isMissing == rhs.isMissing
        }
        let shown = ValuePrinter.format(rhs.anyValue, verb: "s")
        throw CallFailure("non-comparable type \(shown): \(rhs.goTypeName)")
    }

    /// `lt a b`, on basic kinds only.
    static func less(_ first: Operand, _ second: Operand) throws(CallFailure) -> Bool {
        let lhs = first.unboxed
        let rhs = second.unboxed
        let lhsKind = kind(lhs)
        let rhsKind = kind(rhs)
        if lhsKind == .other || rhsKind == .other { throw CallFailure("invalid type for comparison") }
        if lhsKind != rhsKind {
            throw CallFailure("incompatible types for comparison: \(lhs.goTypeName) and \(rhs.goTypeName)")
        }
        switch (lhs, rhs) {
        case (.value(.int(let a)), .value(.int(let b))): return a < b
        case (.value(.float(let a)), .value(.float(let b))): return a < b
        case (.value(.string(let a)), .value(.string(let b))): return a.utf8.lexicographicallyPrecedes(b.utf8)
        default: throw CallFailure("invalid type for comparison")
        }
    }

    /// `le a b`: `lt` or `eq`.
    static func lessOrEqual(_ first: Operand, _ second: Operand) throws(CallFailure) -> Bool {
        if try less(first, second) { return true }
        return try equal(first, [second])
    }
}
