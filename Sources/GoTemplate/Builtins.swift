/// Go's predefined template functions, with the parameter types Go
/// declares for them (which decide argument handling and arity errors).
enum Builtin: String, Sendable, CaseIterable {
    case and, call, html, index, slice, js, len, not, or, print, printf, println, urlquery
    case eq, ge, gt, le, lt, ne

    var signature: Signature {
        switch self {
        case .and, .or, .call, .index, .slice, .eq:
            return Signature(parameters: [.reflectValue, .reflectValue], isVariadic: true)
        case .html, .js, .urlquery, .print, .println:
            return Signature(parameters: [.any], isVariadic: true)
        case .printf:
            return Signature(parameters: [.string, .any], isVariadic: true)
        case .len, .not:
            return Signature(parameters: [.reflectValue], isVariadic: false)
        case .ne, .lt, .le, .gt, .ge:
            return Signature(parameters: [.reflectValue, .reflectValue], isVariadic: false)
        }
    }
}

/// Builtin implementations. Each returns the operand Go's function would
/// return (a boxed value for `index` into a collection, a concrete one
/// otherwise) or fails with Go's error text.
enum Builtins {
    static let names: Set<String> = Set(Builtin.allCases.map(\.rawValue))

    static func apply(_ builtin: Builtin, _ args: [Operand], calleeName: String) throws(CallFailure) -> Operand {
        switch builtin {
        case .and, .or:
            // Handled by the executor, which must not evaluate every argument.
            return args.last ?? .missing
        case .not:
            return .value(.bool(!args[0].isTruthy))
        case .len:
            return try length(args[0])
        case .index:
            return try index(args[0], Array(args.dropFirst()))
        case .slice:
            return try slice(args[0], Array(args.dropFirst()))
        case .call:
            return try call(args[0], Array(args.dropFirst()), name: calleeName)
        case .print:
            return .value(.string(ValuePrinter.sprint(args.map(\.anyValue))))
        case .println:
            return .value(.string(ValuePrinter.sprintln(args.map(\.anyValue))))
        case .printf:
            guard case .string(let format) = args[0].anyValue else { return .value(.string("")) }
            return .value(.string(ValuePrinter.sprintf(format, Array(args.dropFirst()).map(\.anyValue))))
        case .html:
            return .value(.string(Escaping.html(Escaping.joinArguments(args.map(\.anyValue)))))
        case .js:
            return .value(.string(Escaping.javaScript(Escaping.joinArguments(args.map(\.anyValue)))))
        case .urlquery:
            return .value(.string(Escaping.queryComponent(Escaping.joinArguments(args.map(\.anyValue)))))
        case .eq:
            return .value(.bool(try Comparison.equal(args[0], Array(args.dropFirst()))))
        case .ne:
            return .value(.bool(!(try Comparison.equal(args[0], [args[1]]))))
        case .lt:
            return .value(.bool(try Comparison.less(args[0], args[1])))
        case .le:
            return .value(.bool(try Comparison.lessOrEqual(args[0], args[1])))
        case .gt:
            return .value(.bool(!(try Comparison.lessOrEqual(args[0], args[1]))))
        case .ge:
            return .value(.bool(!(try Comparison.less(args[0], args[1]))))
        }
    }

    /// Runs a user function; its result sits in an `interface{}` slot.
    static func invoke(_ function: TemplateFunction, _ args: [TemplateValue]) throws(CallFailure) -> Operand {
        do {
            return .boxed(try function.body(args))
        } catch {
            throw CallFailure(String(describing: error))
        }
    }

    /// `call fn args...`: checks are Go's, including its message order
    /// ("got N want M", the reverse of ordinary calls).
    private static func call(_ function: Operand, _ args: [Operand], name: String) throws(CallFailure) -> Operand {
        let callee = function.unboxed
        guard case .value(let value) = callee else { throw CallFailure("call of nil") }
        guard case .function(let target) = value else {
            throw CallFailure("non-function \(name) of type \(value.goTypeName)")
        }
        switch target.arity {
        case .exactly(let count) where args.count != count:
            throw CallFailure("wrong number of args for \(name): got \(args.count) want \(count)")
        case .atLeast(let count) where args.count < count:
            throw CallFailure("wrong number of args for \(name): got \(args.count) want at least \(count)")
        default:
            break
        }
        return try invoke(target, args.map { $0.unboxed.anyValue })
    }

    /// Go's `reflect.Value.String()`, which names `call`'s callee when the
    /// function arrives through a pipe.
    static func reflectString(_ operand: Operand) -> String {
        switch operand.unboxed {
        case .missing: return "<invalid Value>"
        case .value(.string(let text)): return text
        case .value(let value), .boxed(let value): return "<\(value.goTypeName) Value>"
        }
    }
}
