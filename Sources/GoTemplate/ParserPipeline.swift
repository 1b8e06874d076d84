/// Pipelines, commands and operands: the expression part of the grammar.
extension Parser {
    /// `declarations? command ('|' command)*` up to `end` (a right
    /// delimiter, or `)` for a parenthesised pipeline).
    mutating func pipeline(_ context: String, end: TokenKind) throws(TemplateError) -> Pipe {
        var pipe = Pipe(pos: peekNonSpace().pos)
        try parseDeclarations(into: &pipe, context: context)
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword,
                 .rawString, .string, .variable, .leftParen:
                backup()
                pipe.commands.append(try command())
            default:
                throw unexpected(token, context)
            }
        }
    }

    /// `$x :=`, `$x =`, or (for `range`) `$i, $e :=`. Needs three tokens of
    /// look-ahead: in `$x foo` the variable is an argument, not a target.
    private mutating func parseDeclarations(into pipe: inout Pipe, context: String) throws(TemplateError) {
        while true {
            let variable = peekNonSpace()
            guard variable.kind == .variable else { return }
            _ = next()
            let afterVariable = peek()
            let following = peekNonSpace()
            if following.kind == .assign || following.kind == .declare {
                pipe.isAssign = following.kind == .assign
                _ = nextNonSpace()
                pipe.declarations.append(VariableRef(pos: variable.pos, names: [variable.text]))
                vars.append(variable.text)
                return
            }
            if following.kind == .char && following.text == "," {
                _ = nextNonSpace()
                pipe.declarations.append(VariableRef(pos: variable.pos, names: [variable.text]))
                vars.append(variable.text)
                if context == "range" && pipe.declarations.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen:
                        continue  // The second variable of a range.
                    default:
                        throw error("range can only initialize variables")
                    }
                }
                throw error("too many declarations in \(context)")
            }
            if afterVariable.kind == .space {
                backup3(variable, afterVariable)
            } else {
                backup2(variable)
            }
            return
        }
    }

    private func checkPipeline(_ pipe: Pipe, _ context: String) throws(TemplateError) {
        if pipe.commands.isEmpty { throw error("missing value for \(context)") }
        for (index, command) in pipe.commands.enumerated().dropFirst() {
            if let first = command.args.first, first.isLiteral {
                throw error("non executable command in pipeline stage \(index + 1)")
            }
        }
    }

    /// Space-separated operands up to `|` (consumed) or a closing
    /// delimiter or parenthesis (left for the caller).
    private mutating func command() throws(TemplateError) -> Command {
        var command = Command(pos: peekNonSpace().pos)
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { command.args.append(operand) }
            let token = next()
            switch token.kind {
            case .space:
                continue
            case .rightDelim, .rightParen:
                backup()
            case .pipe:
                break
            default:
                throw unexpected(token, "operand")
            }
            break
        }
        if command.args.isEmpty { throw error("empty command") }
        return command
    }

    /// A term followed by any number of `.Field` accesses.
    private mutating func operand() throws(TemplateError) -> Argument? {
        guard let term = try term() else { return nil }
        guard peek().kind == .field else { return term }
        let chainPos = peek().pos
        var names: [String] = []
        while peek().kind == .field { names.append(String(next().text.dropFirst())) }
        switch term {
        case .field(_, let head):
            return .field(pos: chainPos, names: head + names)
        case .variable(let variable):
            return .variable(VariableRef(pos: chainPos, names: variable.names + names))
        case .bool, .string, .number, .nilValue, .dot:
            throw error("unexpected . after term \(GoQuoting.quote(term.description))")
        default:
            return .chain(pos: chainPos, base: term, names: names)
        }
    }

    /// A literal, function name, `.`, `.Field`, `$var` or `(pipeline)`;
    /// `nil` (with the token put back) when the next token is none of them.
    private mutating func term() throws(TemplateError) -> Argument? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            guard functionNames.contains(token.text) else {
                throw error("function \(GoQuoting.quote(token.text)) not defined")
            }
            return .identifier(pos: token.pos, name: token.text)
        case .dot:
            return .dot(pos: token.pos)
        case .nilKeyword:
            return .nilValue(pos: token.pos)
        case .variable:
            guard vars.contains(token.text) else {
                throw error("undefined variable \(GoQuoting.quote(token.text))")
            }
            return .variable(VariableRef(pos: token.pos, names: [token.text]))
        case .field:
            let names = token.text.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
            return .field(pos: token.pos, names: names.map(String.init))
        case .bool:
            return .bool(pos: token.pos, value: token.text == "true")
        case .charConstant, .complex, .number:
            switch NumberLiteral.parse(pos: token.pos, text: token.text, kind: token.kind) {
            case .success(let number): return .number(number)
            case .failure(let message): throw error(message.text)
            }
        case .leftParen:
            if parenDepth >= Parser.maxParenDepth { throw error("max expression depth exceeded") }
            parenDepth += 1
            defer { parenDepth -= 1 }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            guard let text = StringLiteral.unquote(token.text) else { throw error("invalid syntax") }
            return .string(pos: token.pos, quoted: token.text, text: text)
        default:
            backup()
            return nil
        }
    }
}
