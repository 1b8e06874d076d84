/// Evaluation of pipelines, commands, fields, chains and variables,
/// following Go's `exec.go` structure so that errors name the same node.
extension Executor {
    /// Runs each command, feeding the previous result as the last argument,
    /// then declares or assigns the pipeline's variables.
    mutating func evalPipeline(_ dot: Operand, _ pipe: Pipe) throws(TemplateError) -> Operand {
        at(.pipe(pipe))
        var value: Operand?
        for command in pipe.commands {
            // Unbox the result, as Go digs into interface{} values here.
            value = try evalCommand(dot, command, final: value).unboxed
        }
        let result = value ?? .missing
        for declaration in pipe.declarations {
            if pipe.isAssign {
                try assign(declaration.names[0], result)
            } else {
                vars.append((declaration.names[0], result))
            }
        }
        return result
    }

    /// One command. `final` is the previous stage's result (Go's
    /// `missingVal` is `nil` here: no previous stage).
    private mutating func evalCommand(_ dot: Operand, _ command: Command, final: Operand?) throws(TemplateError) -> Operand {
        let first = command.args[0]
        switch first {
        case .field, .chain:
            return try evalFieldLike(dot, first, args: command.args, final: final)
        case .identifier(_, let name):
            return try evalFunction(dot, name: name, node: first, call: .command(command), args: command.args, final: final)
        case .pipe(let pipe):
            try notAFunction(command.args, final: final)
            return try evalPipeline(dot, pipe)
        case .variable(let variable):
            return try evalVariable(dot, variable, args: command.args, final: final)
        default:
            break
        }
        at(.argument(first))
        try notAFunction(command.args, final: final)
        switch first {
        case .bool(_, let value): return .value(.bool(value))
        case .dot: return dot
        case .nilValue: throw fail("nil is not a command")
        case .number(let number): return try idealConstant(number)
        case .string(_, _, let text): return .value(.string(text))
        default: throw fail("can't evaluate command \(GoQuoting.quote(first.description))")
        }
    }

    func notAFunction(_ args: [Argument], final: Operand?) throws(TemplateError) {
        if args.count > 1 || final != nil {
            throw fail("can't give argument to non-function \(args[0])")
        }
    }

    /// A bare number: float if spelled like one, else int (Go's rules).
    mutating func idealConstant(_ number: NumberLiteral) throws(TemplateError) -> Operand {
        at(.argument(.number(number)))
        if number.isComplex { throw fail("complex constant \(number.text) is not supported") }
        if number.isFloatSpelling { return .value(.float(number.floatValue)) }
        if number.isInt {
            guard let value = Int(exactly: number.intValue) else { throw fail("\(number.text) overflows int") }
            return .value(.int(value))
        }
        if number.isUint { throw fail("\(number.text) overflows int") }
        return .missing
    }

    /// `.A.B` (receiver: dot) or `(pipeline).A.B` / `fn.A` (receiver: the
    /// evaluated base).
    mutating func evalFieldLike(_ dot: Operand, _ node: Argument, args: [Argument], final: Operand?) throws(TemplateError) -> Operand {
        at(.argument(node))
        switch node {
        case .field(_, let names):
            return try evalFieldChain(dot, receiver: dot, names: names, args: args, final: final)
        case .chain(_, let base, let names):
            if case .nilValue = base { throw fail("indirection through explicit nil in \(node)") }
            let receiver = try evalArg(dot, nil, base)
            return try evalFieldChain(dot, receiver: receiver, names: names, args: args, final: final)
        default:
            throw fail("can't evaluate \(node)")
        }
    }

    /// `$x` or `$x.A.B`.
    mutating func evalVariable(_ dot: Operand, _ variable: VariableRef, args: [Argument], final: Operand?) throws(TemplateError) -> Operand {
        at(.variable(variable))
        let value = try self.variable(variable.names[0])
        if variable.names.count == 1 {
            try notAFunction(args, final: final)
            return value
        }
        return try evalFieldChain(dot, receiver: value, names: Array(variable.names.dropFirst()), args: args, final: final)
    }

    private mutating func evalFieldChain(
        _ dot: Operand, receiver: Operand, names: [String], args: [Argument], final: Operand?
    ) throws(TemplateError) -> Operand {
        var receiver = receiver
        for name in names.dropLast() {
            receiver = try evalField(name, args: [], final: nil, receiver: receiver)
        }
        return try evalField(names[names.count - 1], args: args, final: final, receiver: receiver)
    }

    /// `.Name` on one receiver. Maps look the key up (the only "fields" YAML
    /// data has); everything else is Go's "can't evaluate field".
    private func evalField(_ name: String, args: [Argument], final: Operand?, receiver: Operand) throws(TemplateError) -> Operand {
        let value: TemplateValue
        switch receiver {
        case .missing:
            if missingKey == .error { throw fail("nil data; no entry for key \(GoQuoting.quote(name))") }
            return .missing
        case .boxed(.null):
            throw fail("nil pointer evaluating interface {}.\(name)")
        case .value(let plain), .boxed(let plain):
            value = plain
        }
        guard case .map(let map) = value else {
            throw fail("can't evaluate field \(name) in type \(receiver.goTypeName)")
        }
        if args.count > 1 || final != nil {
            throw fail("\(name) is not a method but has arguments")
        }
        if let entry = map[name] { return .boxed(entry) }
        switch missingKey {
        case .invalid: return .missing
        case .zero: return .boxed(.null)
        case .error: throw fail("map has no entry for key \(GoQuoting.quote(name))")
        }
    }
}
