/// Go's `Node.String()` renderings. Execution errors quote the failing
/// node this way (`at <index .list 5>`), so the spelling, spacing and
/// parenthesisation must match Go's exactly.
extension Node: CustomStringConvertible {
    var description: String {
        switch self {
        case .text(_, let text): return text
        case .action(_, let pipe): return "{{\(pipe)}}"
        case .branch(let branch): return branch.description
        case .template(let call): return call.description
        case .breakLoop: return "{{break}}"
        case .continueLoop: return "{{continue}}"
        }
    }

    static func describe(_ nodes: [Node]) -> String {
        nodes.map(\.description).joined()
    }
}

extension Branch: CustomStringConvertible {
    var description: String {
        let keyword: String
        switch kind {
        case .ifBranch: keyword = "if"
        case .rangeLoop: keyword = "range"
        case .withBranch: keyword = "with"
        }
        var out = "{{\(keyword) \(pipe)}}" + Node.describe(list)
        if let elseList {
            out += "{{else}}" + Node.describe(elseList)
        }
        return out + "{{end}}"
    }
}

extension TemplateCall: CustomStringConvertible {
    var description: String {
        var out = "{{template \(GoQuoting.quote(name))"
        if let pipe { out += " \(pipe)" }
        return out + "}}"
    }
}

extension Pipe: CustomStringConvertible {
    var description: String {
        var out = ""
        if !declarations.isEmpty {
            out += declarations.map(\.description).joined(separator: ", ")
            out += isAssign ? " = " : " := "
        }
        out += commands.map(\.description).joined(separator: " | ")
        return out
    }
}

extension Command: CustomStringConvertible {
    var description: String {
        args.map { argument in
            if case .pipe(let pipe) = argument { return "(\(pipe))" }
            return argument.description
        }.joined(separator: " ")
    }
}

extension VariableRef: CustomStringConvertible {
    var description: String { names.joined(separator: ".") }
}

extension Argument: CustomStringConvertible {
    var description: String {
        switch self {
        case .field(_, let names):
            return names.map { "." + $0 }.joined()
        case .chain(_, let base, let names):
            let head: String
            if case .pipe(let pipe) = base { head = "(\(pipe))" } else { head = base.description }
            return head + names.map { "." + $0 }.joined()
        case .variable(let variable): return variable.description
        case .identifier(_, let name): return name
        case .dot: return "."
        case .nilValue: return "nil"
        case .bool(_, let value): return value ? "true" : "false"
        case .number(let number): return number.text
        case .string(_, let quoted, _): return quoted
        case .pipe(let pipe): return pipe.description
        }
    }
}
