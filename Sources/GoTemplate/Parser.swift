/// Builds parse trees from template text, mirroring Go's `parse.Tree`
/// step for step (three-token look-ahead included): Go's parse error
/// messages name the most recently read token and its line, so matching
/// them requires reading tokens in the same order.
struct Parser: Sendable {
    /// Go allows 10000 nested parentheses; this parser (and the executor
    /// after it) recurses on the native stack, so it stops at 100.
    static let maxParenDepth = 100

    let parseName: String
    let source: SourceText
    let functionNames: Set<String>
    var lexer: Lexer
    var tokens: [Token]
    var peekCount = 0
    var vars: [String] = ["$"]
    var rangeDepth = 0
    var parenDepth = 0
    var actionLine = 0
    var trees: [String: ParsedTree] = [:]

    /// Parses `text` as template `name`; returns it and every template it
    /// defines with `define` or `block`, keyed by name.
    static func parse(
        name: String, text: String, functionNames: Set<String>
    ) throws(TemplateError) -> [String: ParsedTree] {
        var parser = Parser(name: name, text: text, functionNames: functionNames)
        try parser.parseTopLevel()
        return parser.trees
    }

    private init(name: String, text: String, functionNames: Set<String>) {
        parseName = name
        source = SourceText(bytes: Array(text.utf8))
        self.functionNames = functionNames
        lexer = Lexer(text: text)
        lexer.breakIsKeyword = !functionNames.contains("break")
        lexer.continueIsKeyword = !functionNames.contains("continue")
        tokens = Array(repeating: Token(kind: .eof, pos: 0, text: "", line: 0), count: 3)
    }

    // MARK: Token buffer (Go's next/backup/peek)

    mutating func next() -> Token {
        if peekCount > 0 {
            peekCount -= 1
        } else {
            tokens[0] = lexer.nextToken()
        }
        return tokens[peekCount]
    }

    mutating func backup() { peekCount += 1 }

    mutating func backup2(_ first: Token) {
        tokens[1] = first
        peekCount = 2
    }

    mutating func backup3(_ second: Token, _ first: Token) {
        tokens[1] = first
        tokens[2] = second
        peekCount = 3
    }

    mutating func peek() -> Token {
        if peekCount > 0 { return tokens[peekCount - 1] }
        peekCount = 1
        tokens[0] = lexer.nextToken()
        return tokens[0]
    }

    mutating func nextNonSpace() -> Token {
        var token = next()
        while token.kind == .space { token = next() }
        return token
    }

    mutating func peekNonSpace() -> Token {
        let token = nextNonSpace()
        backup()
        return token
    }

    // MARK: Errors

    /// A parse error at the line of the most recently lexed token.
    func error(_ message: String) -> TemplateError {
        .parse(message, name: parseName, line: tokens[0].line)
    }

    mutating func expect(_ kind: TokenKind, _ context: String) throws(TemplateError) -> Token {
        let token = nextNonSpace()
        if token.kind != kind { throw unexpected(token, context) }
        return token
    }

    func unexpected(_ token: Token, _ context: String) -> TemplateError {
        guard token.kind == .error else { return error("unexpected \(token) in \(context)") }
        var extra = ""
        if actionLine != 0 && actionLine != token.line {
            extra = " in action started at \(parseName):\(actionLine)"
            if token.text.hasSuffix(" action") {
                extra = String(extra.dropFirst(" in action".count))  // Avoid "action in action".
            }
        }
        return error("\(token)\(extra)")
    }

    // MARK: Top level and lists

    private mutating func parseTopLevel() throws(TemplateError) {
        var root: [Node] = []
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delim = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                backup2(delim)
            }
            switch try textOrAction() {
            case .node(let node): root.append(node)
            case let marker: throw error("unexpected \(marker)")
            }
        }
        try add(name: parseName, root: root)
    }

    /// Go's `Tree.add`: a non-empty body may not be defined twice in one
    /// parse; an empty one never replaces an existing definition.
    mutating func add(name: String, root: [Node]) throws(TemplateError) {
        if let existing = trees[name], !existing.isEmpty {
            guard ParsedTree.isEmpty(root) else {
                throw error("template: multiple definition of template \(GoQuoting.quote(name))")
            }
            return
        }
        trees[name] = ParsedTree(name: name, parseName: parseName, source: source, root: root)
    }

    /// `{{define "name"}} ... {{end}}`; the keyword is already consumed.
    private mutating func parseDefinition() throws(TemplateError) {
        let context = "define clause"
        let token = nextNonSpace()
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        guard let name = StringLiteral.unquote(token.text) else { throw error("invalid syntax") }
        _ = try expect(.rightDelim, context)
        let body = try parseNestedTree()
        guard case .end = body.terminator else { throw error("unexpected \(body.terminator) in \(context)") }
        try add(name: name, root: body.list)
    }

    /// Parses a `define` or `block` body with fresh scope, as Go does by
    /// starting a new `Tree` on the same lexer.
    mutating func parseNestedTree() throws(TemplateError) -> (list: [Node], terminator: ListItem) {
        let saved = (vars, rangeDepth, parenDepth, actionLine)
        vars = ["$"]
        rangeDepth = 0
        parenDepth = 0
        actionLine = 0
        defer { (vars, rangeDepth, parenDepth, actionLine) = saved }
        return try itemList()
    }

    /// Nodes up to the `{{end}}` or `{{else}}` that closes them.
    mutating func itemList() throws(TemplateError) -> (list: [Node], terminator: ListItem) {
        var list: [Node] = []
        while peekNonSpace().kind != .eof {
            let item = try textOrAction()
            guard case .node(let node) = item else { return (list, item) }
            list.append(node)
        }
        throw error("unexpected EOF")
    }

    mutating func textOrAction() throws(TemplateError) -> ListItem {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return .node(.text(pos: token.pos, text: token.text))
        case .leftDelim:
            actionLine = token.line
            defer { actionLine = 0 }
            return try action()
        default:
            throw unexpected(token, "input")
        }
    }
}

/// What `textOrAction` produced: a node, or the `{{end}}`/`{{else}}` that
/// terminates the enclosing list (Go's unexported end and else nodes).
enum ListItem: Sendable, CustomStringConvertible {
    case node(Node)
    case end
    case elseMarker

    var description: String {
        switch self {
        case .node(let node): return node.description
        case .end: return "{{end}}"
        case .elseMarker: return "{{else}}"
        }
    }
}
