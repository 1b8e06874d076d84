/// The parse tree. Shapes follow Go's `parse` package closely, because Go's
/// error messages print nodes (`at <.Service.Nme>`) and their byte positions,
/// and matching those requires the same tree.

/// An element of a template body.
indirect enum Node: Sendable {
    case text(pos: Int, text: String)
    case action(pos: Int, pipe: Pipe)
    case branch(Branch)
    case template(TemplateCall)
    case breakLoop(pos: Int)
    case continueLoop(pos: Int)
}

/// `if`, `range` and `with`, which share one shape in Go.
struct Branch: Sendable {
    enum Kind: Sendable { case ifBranch, rangeLoop, withBranch }
    var kind: Kind
    var pos: Int
    var pipe: Pipe
    var list: [Node]
    var elseList: [Node]?
}

/// `{{template "name" pipeline}}`; `block` parses into one of these too.
struct TemplateCall: Sendable {
    var pos: Int
    var name: String
    var pipe: Pipe?
}

/// A pipeline, possibly declaring (`:=`) or assigning (`=`) variables.
struct Pipe: Sendable {
    var pos: Int
    var isAssign = false
    var declarations: [VariableRef] = []
    var commands: [Command] = []
}

/// One `|`-separated stage: an operand or a call with arguments.
struct Command: Sendable {
    var pos: Int
    var args: [Argument] = []
}

/// `$name.Field...`; `names[0]` includes the `$`.
struct VariableRef: Sendable {
    var pos: Int
    var names: [String]
}

/// Anything that can appear as a command word or argument.
indirect enum Argument: Sendable {
    case field(pos: Int, names: [String])
    case chain(pos: Int, base: Argument, names: [String])
    case variable(VariableRef)
    case identifier(pos: Int, name: String)
    case dot(pos: Int)
    case nilValue(pos: Int)
    case bool(pos: Int, value: Bool)
    case number(NumberLiteral)
    case string(pos: Int, quoted: String, text: String)
    case pipe(Pipe)

    var pos: Int {
        switch self {
        case .field(let pos, _), .chain(let pos, _, _), .identifier(let pos, _), .dot(let pos),
             .nilValue(let pos), .bool(let pos, _), .string(let pos, _, _):
            return pos
        case .variable(let variable): return variable.pos
        case .number(let number): return number.pos
        case .pipe(let pipe): return pipe.pos
        }
    }

    /// Literals cannot start a later pipeline stage (Go's
    /// "non executable command in pipeline stage").
    var isLiteral: Bool {
        switch self {
        case .bool, .dot, .nilValue, .number, .string: return true
        default: return false
        }
    }
}

/// One named template body with what error messages need: the name of the
/// text it was parsed from and that text, to turn positions into lines.
struct ParsedTree: Sendable {
    var name: String
    var parseName: String
    var source: SourceText
    var root: [Node]

    /// Go's `IsEmptyTree`: only white space and comments. Empty trees do not
    /// replace existing definitions, so `{{define}}`-only files can be added.
    var isEmpty: Bool { ParsedTree.isEmpty(root) }

    static func isEmpty(_ nodes: [Node]) -> Bool {
        for node in nodes {
            guard case .text(_, let text) = node else { return false }
            if !text.unicodeScalars.allSatisfy(CharacterClasses.isUnicodeSpace) { return false }
        }
        return true
    }
}

/// Template text shared by every tree parsed from it, for error locations.
struct SourceText: Sendable {
    let bytes: [UInt8]

    /// Go's `ErrorContext` arithmetic: 1-based line, 0-based byte column.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lastNewline = -1
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lastNewline = index
        }
        return (line, lastNewline < 0 ? end : end - lastNewline - 1)
    }
}
