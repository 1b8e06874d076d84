/// Function calls: argument counting, argument evaluation against Go's
/// parameter types, the short-circuiting `and`/`or`, and the `call`
/// builtin, with Go's messages.
extension Executor {
    /// Who is being called: a user function (found first, so it can
    /// override a builtin, as Go's template FuncMap does) or a builtin.
    enum Callee: Sendable {
        case custom(TemplateFunction)
        case builtin(Builtin)

        var signature: Signature {
            switch self {
            case .builtin(let builtin): return builtin.signature
            case .custom(let function):
                return Signature(parameters: Array(repeating: .any, count: function.parameterCount),
                                 isVariadic: function.isVariadic)
            }
        }
    }

    mutating func evalFunction(
        _ dot: Operand, name: String, node: Argument, call: Location, args: [Argument], final: Operand?
    ) throws(TemplateError) -> Operand {
        at(.argument(node))
        if let function = functions[name] {
            return try evalCall(dot, .custom(function), call: call, name: name, args: args, final: final)
        }
        if let builtin = Builtin(rawValue: name) {
            return try evalCall(dot, .builtin(builtin), call: call, name: name, args: args, final: final)
        }
        throw fail("\(GoQuoting.quote(name)) is not a defined function")
    }

    /// `args` includes the function's own node first, as in Go.
    private mutating func evalCall(
        _ dot: Operand, _ callee: Callee, call: Location, name: String, args: [Argument], final: Operand?
    ) throws(TemplateError) -> Operand {
        let rest = Array(args.dropFirst())
        let signature = callee.signature
        let parameterCount = signature.parameters.count
        let argumentCount = rest.count + (final == nil ? 0 : 1)
        var fixedCount = rest.count
        if signature.isVariadic {
            fixedCount = parameterCount - 1
            if argumentCount < fixedCount {
                throw fail("wrong number of args for \(name): want at least \(fixedCount) got \(rest.count)")
            }
        } else if argumentCount != parameterCount {
            throw fail("wrong number of args for \(name): want \(parameterCount) got \(argumentCount)")
        }

        if case .builtin(let builtin) = callee, builtin == .and || builtin == .or {
            // Evaluate only as far as needed; return the deciding operand.
            var value = Operand.missing
            for argument in rest {
                value = try evalArg(dot, .reflectValue, argument)
                if value.isTruthy == (builtin == .or) { return value }
            }
            if let final { value = final }
            return value
        }

        var arguments: [Operand] = []
        var index = 0
        while index < fixedCount && index < rest.count {
            arguments.append(try evalArg(dot, signature.parameters[index], rest[index]))
            index += 1
        }
        if signature.isVariadic {
            let elementType = signature.parameters[parameterCount - 1]
            while index < rest.count {
                arguments.append(try evalArg(dot, elementType, rest[index]))
                index += 1
            }
        }
        if let final {
            var type = signature.parameters[parameterCount - 1]
            if signature.isVariadic && argumentCount - 1 < fixedCount {
                type = signature.parameters[argumentCount - 1]
            }
            arguments.append(try validateType(final, type))
        }

        do throws(CallFailure) {
            switch callee {
            case .custom(let function):
                return try Builtins.invoke(function, arguments.map(\.anyValue))
            case .builtin(let builtin):
                var calleeName = ""
                if builtin == .call {
                    calleeName = rest.first?.description ?? Builtins.reflectString(final ?? .missing)
                }
                return try Builtins.apply(builtin, arguments, calleeName: calleeName)
            }
        } catch {
            at(call)
            throw fail("error calling \(name): \(error.message)")
        }
    }

    /// Evaluates one argument for a parameter of the given Go type (`nil`
    /// for the base of a chain, which Go evaluates untyped).
    mutating func evalArg(_ dot: Operand, _ type: ParameterType?, _ argument: Argument) throws(TemplateError) -> Operand {
        at(.argument(argument))
        switch argument {
        case .dot:
            return try validateType(dot, type)
        case .nilValue:
            if type == .string { throw fail("cannot assign nil to string") }
            return .missing
        // Each value is evaluated into a local before validating: the
        // evaluation moves the error location, and a non-mutating call
        // written around it would capture the location from before.
        case .field, .chain:
            let value = try evalFieldLike(dot, argument, args: [argument], final: nil)
            return try validateType(value, type)
        case .variable(let variable):
            let value = try evalVariable(dot, variable, args: [], final: nil)
            return try validateType(value, type)
        case .pipe(let pipe):
            let value = try evalPipeline(dot, pipe)
            return try validateType(value, type)
        case .identifier(_, let name):
            let value = try evalFunction(dot, name: name, node: argument, call: .argument(argument), args: [], final: nil)
            return try validateType(value, type)
        case .bool(_, let value):
            if type == .string { throw fail("expected string; found \(argument)") }
            return .value(.bool(value))
        case .number(let number):
            if type == .string { throw fail("expected string; found \(argument)") }
            return try idealConstant(number)
        case .string(_, _, let text):
            return .value(.string(text))
        }
    }

    /// Go's `validateType`: only `printf`'s format is typed (`string`);
    /// every other parameter is an interface or a `reflect.Value`.
    func validateType(_ value: Operand, _ type: ParameterType?) throws(TemplateError) -> Operand {
        guard type == .string else { return value }
        switch value {
        case .missing:
            throw fail("invalid value; expected string")
        case .value(.string), .boxed(.string):
            return value.unboxed
        case .boxed(.null):
            throw fail("wrong type for value; expected string; got interface {}")
        case .value(let other), .boxed(let other):
            throw fail("wrong type for value; expected string; got \(other.goTypeName)")
        }
    }
}

/// The Go parameter types builtins declare; they decide how an argument
/// is evaluated (`nil` is allowed for interfaces, not for `string`).
enum ParameterType: Sendable, Equatable {
    case reflectValue, any, string
}

/// A function's parameter list; a variadic function's last entry is the
/// element type of its `...` parameter.
struct Signature: Sendable {
    var parameters: [ParameterType]
    var isVariadic: Bool
}

/// A failed call; the executor wraps it as `error calling NAME: message`.
struct CallFailure: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
