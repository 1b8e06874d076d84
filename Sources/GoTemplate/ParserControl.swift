/// Actions and control structures: `if`, `range`, `with`, `else`, `end`,
/// `break`, `continue`, `template` and `block`.
extension Parser {
    /// The action after `{{`; a keyword picks a control structure,
    /// anything else is a pipeline to print.
    mutating func action() throws(TemplateError) -> ListItem {
        let token = nextNonSpace()
        switch token.kind {
        case .block: return .node(try blockControl())
        case .breakKeyword: return .node(try loopControl(token, isBreak: true))
        case .continueKeyword: return .node(try loopControl(token, isBreak: false))
        case .elseKeyword: return try elseControl()
        case .end:
            _ = try expect(.rightDelim, "end")
            return .end
        case .ifKeyword: return .node(.branch(try parseControl(.ifBranch)))
        case .range: return .node(.branch(try parseControl(.rangeLoop)))
        case .template: return .node(try templateControl())
        case .with: return .node(.branch(try parseControl(.withBranch)))
        default: break
        }
        backup()
        let first = peek()
        // Variables declared here stay in scope until the enclosing end.
        return .node(.action(pos: first.pos, pipe: try pipeline("command", end: .rightDelim)))
    }

    private mutating func loopControl(_ keyword: Token, isBreak: Bool) throws(TemplateError) -> Node {
        let name = isBreak ? "{{break}}" : "{{continue}}"
        let token = nextNonSpace()
        if token.kind != .rightDelim { throw unexpected(token, name) }
        if rangeDepth == 0 { throw error("\(name) outside {{range}}") }
        return isBreak ? .breakLoop(pos: keyword.pos) : .continueLoop(pos: keyword.pos)
    }

    /// `{{else}}`, or the `else` of `{{else if ...}}`/`{{else with ...}}`,
    /// whose keyword is left pending for `parseControl` to chain.
    private mutating func elseControl() throws(TemplateError) -> ListItem {
        let upcoming = peekNonSpace()
        if upcoming.kind == .ifKeyword || upcoming.kind == .with { return .elseMarker }
        _ = try expect(.rightDelim, "else")
        return .elseMarker
    }

    private static func contextName(_ kind: Branch.Kind) -> String {
        switch kind {
        case .ifBranch: return "if"
        case .rangeLoop: return "range"
        case .withBranch: return "with"
        }
    }

    /// `if`/`range`/`with` up to its `{{end}}`. Variables declared in the
    /// pipeline or body go out of scope at the end, as in Go.
    mutating func parseControl(_ kind: Branch.Kind) throws(TemplateError) -> Branch {
        let context = Parser.contextName(kind)
        let mark = vars.count
        defer { vars.removeLast(vars.count - mark) }
        let pipe = try pipeline(context, end: .rightDelim)
        if kind == .rangeLoop { rangeDepth += 1 }
        let body = try itemList()
        if kind == .rangeLoop { rangeDepth -= 1 }
        var elseList: [Node]?
        if case .elseMarker = body.terminator {
            // "{{else if x}}" is "{{else}}{{if x}}...{{end}}{{end}}" with the
            // inner end shared; likewise "{{else with x}}".
            if kind == .ifBranch && peek().kind == .ifKeyword {
                _ = next()
                elseList = [.branch(try parseControl(.ifBranch))]
            } else if kind == .withBranch && peek().kind == .with {
                _ = next()
                elseList = [.branch(try parseControl(.withBranch))]
            } else {
                let rest = try itemList()
                guard case .end = rest.terminator else {
                    throw error("expected end; found \(rest.terminator)")
                }
                elseList = rest.list
            }
        }
        return Branch(kind: kind, pos: pipe.pos, pipe: pipe, list: body.list, elseList: elseList)
    }

    private mutating func templateControl() throws(TemplateError) -> Node {
        let context = "template clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        var pipe: Pipe?
        if nextNonSpace().kind != .rightDelim {
            backup()
            // Variables declared here persist, as in Go.
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(TemplateCall(pos: token.pos, name: name, pipe: pipe))
    }

    /// `{{block "name" pipeline}} body {{end}}`: defines `name` and calls it.
    private mutating func blockControl() throws(TemplateError) -> Node {
        let context = "block clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        let pipe = try pipeline(context, end: .rightDelim)
        // Go reports a bad terminator from the enclosing tree, whose last
        // token is still this action's closing delimiter.
        let headerLine = tokens[0].line
        let body = try parseNestedTree()
        guard case .end = body.terminator else {
            throw .parse("unexpected \(body.terminator) in \(context)", name: parseName, line: headerLine)
        }
        try add(name: name, root: body.list)
        return .template(TemplateCall(pos: token.pos, name: name, pipe: pipe))
    }

    private func templateName(_ token: Token, _ context: String) throws(TemplateError) -> String {
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        guard let name = StringLiteral.unquote(token.text) else { throw error("invalid syntax") }
        return name
    }
}
