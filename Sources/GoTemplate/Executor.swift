/// Runs a parsed template against data, producing text. One `Executor` is
/// one execution (Go's `state`): templates stay immutable and can be
/// executed concurrently.
struct Executor: Sendable {
    /// Go stops runaway `{{template}}` recursion at 100000 levels; this
    /// executor recurses on the native stack (up to ~20 KB a level in debug
    /// builds, ~3 KB optimised), so it stops at a depth that fits even a
    /// 512 KB secondary thread. Real templates nest a handful of levels.
    static let maxTemplateDepth = 100

    /// Whether a `{{break}}` or `{{continue}}` is unwinding to its range.
    enum Flow: Sendable { case normal, breakLoop, continueLoop }

    let trees: [String: ParsedTree]
    let functions: [String: TemplateFunction]
    let missingKey: MissingKeyAction
    var output = ""
    /// The variable stack; Go's `$` is the first entry.
    var vars: [(name: String, value: Operand)] = []
    /// The template being executed; its name is the one errors report.
    var tree: ParsedTree
    /// The node errors point at, updated at the same moments as Go's `s.at`.
    var location: Location?
    var depth = 0

    init(tree: ParsedTree, trees: [String: ParsedTree], functions: [String: TemplateFunction],
         missingKey: MissingKeyAction) {
        self.tree = tree
        self.trees = trees
        self.functions = functions
        self.missingKey = missingKey
    }

    mutating func run(data: TemplateValue) throws(TemplateError) -> String {
        let dot = Operand(data: data)
        vars = [("$", dot)]
        _ = try walk(dot, tree.root)
        return output
    }

    // MARK: Errors

    mutating func at(_ location: Location) { self.location = location }

    /// Go's `s.errorf`: the message located at the current node.
    func fail(_ message: String) -> TemplateError {
        guard let location else {
            return TemplateError(kind: .execution, templateName: tree.name, line: nil, message: message)
        }
        let (line, column) = tree.source.location(of: location.pos)
        return TemplateError(
            kind: .execution, templateName: tree.name, sourceName: tree.parseName,
            line: line, column: column, action: location.description, message: message)
    }

    // MARK: Variables

    func variable(_ name: String) throws(TemplateError) -> Operand {
        guard let entry = vars.last(where: { $0.name == name }) else {
            throw fail("undefined variable: \(name)")
        }
        return entry.value
    }

    mutating func assign(_ name: String, _ value: Operand) throws(TemplateError) {
        guard let index = vars.lastIndex(where: { $0.name == name }) else {
            throw fail("undefined variable: \(name)")
        }
        vars[index].value = value
    }

    mutating func popVariables(to mark: Int) {
        if vars.count > mark { vars.removeSubrange(mark...) }
    }

    // MARK: Walking

    mutating func walk(_ dot: Operand, _ nodes: [Node]) throws(TemplateError) -> Flow {
        for node in nodes {
            let flow = try walk(dot, node)
            if flow != .normal { return flow }
        }
        return .normal
    }

    mutating func walk(_ dot: Operand, _ node: Node) throws(TemplateError) -> Flow {
        at(.node(node))
        switch node {
        case .text(_, let text):
            output += text
        case .action(_, let pipe):
            // A declaration prints nothing; its variables live until {{end}}.
            let value = try evalPipeline(dot, pipe)
            if pipe.declarations.isEmpty { try printValue(node, value) }
        case .branch(let branch):
            if branch.kind == .rangeLoop { return try walkRange(dot, branch) }
            return try walkIfOrWith(dot, branch)
        case .template(let call):
            try walkTemplate(dot, call)
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        }
        return .normal
    }

    /// `if` and `with` differ only in whether the body sees the value as dot.
    private mutating func walkIfOrWith(_ dot: Operand, _ branch: Branch) throws(TemplateError) -> Flow {
        let mark = vars.count
        defer { popVariables(to: mark) }
        let value = try evalPipeline(dot, branch.pipe)
        if value.isTruthy {
            return try walk(branch.kind == .withBranch ? value : dot, branch.list)
        }
        if let elseList = branch.elseList { return try walk(dot, elseList) }
        return .normal
    }

    /// `{{template}}`: the callee sees only `$` (no dynamic scoping).
    private mutating func walkTemplate(_ dot: Operand, _ call: TemplateCall) throws(TemplateError) {
        guard let target = trees[call.name] else {
            throw fail("template \(GoQuoting.quote(call.name)) not defined")
        }
        if depth == Executor.maxTemplateDepth {
            throw fail("exceeded maximum template depth (\(Executor.maxTemplateDepth))")
        }
        var newDot = Operand.missing
        if let pipe = call.pipe { newDot = try evalPipeline(dot, pipe) }
        let saved = (vars, tree, location, depth)
        vars = [("$", newDot)]
        tree = target
        depth += 1
        _ = try walk(newDot, target.root)
        (vars, tree, location, depth) = saved
    }

    /// Go's `printValue`: `fmt.Print` of the value, `<no value>` for a
    /// missing one; functions cannot be printed.
    private mutating func printValue(_ node: Node, _ value: Operand) throws(TemplateError) {
        at(.node(node))
        switch value {
        case .missing:
            output += "<no value>"
        case .value(.function(let function)), .boxed(.function(let function)):
            throw fail("can't print \(node) of type \(function.goTypeName)")
        case .value(let plain), .boxed(let plain):
            var printer = ValuePrinter()
            printer.printArgument(plain, verb: "v")
            output += printer.output
        }
    }
}

/// A node an error can point at, with Go's position and rendering.
enum Location: Sendable {
    case node(Node)
    case argument(Argument)
    case pipe(Pipe)
    case command(Command)
    case variable(VariableRef)

    var pos: Int {
        switch self {
        case .node(let node):
            switch node {
            case .text(let pos, _), .action(let pos, _), .breakLoop(let pos), .continueLoop(let pos):
                return pos
            case .branch(let branch): return branch.pos
            case .template(let call): return call.pos
            }
        case .argument(let argument): return argument.pos
        case .pipe(let pipe): return pipe.pos
        case .command(let command): return command.pos
        case .variable(let variable): return variable.pos
        }
    }

    var description: String {
        switch self {
        case .node(let node): return node.description
        case .argument(let argument): return argument.description
        case .pipe(let pipe): return pipe.description
        case .command(let command): return command.description
        case .variable(let variable): return variable.description
        }
    }
}
