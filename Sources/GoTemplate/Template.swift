/// What a field lookup on a map returns when the key is absent; Go's
/// `Option("missingkey=...")`.
public enum MissingKeyAction: Sendable, Equatable {
    /// Go's default (`missingkey=default`/`invalid`): the value is missing;
    /// printed directly it shows as `<no value>`.
    case invalid
    /// `missingkey=zero`: the map's zero value, `nil` for YAML-like data.
    case zero
    /// `missingkey=error`: execution stops with `map has no entry for key`.
    case error
}

/// A set of named templates written in Go's `text/template` language,
/// rendered exactly as Go renders them. A value type: `parse` changes only
/// this copy and `execute` changes nothing, so one template can serve any
/// number of concurrent executions.
public struct Template: Sendable {
    /// The name of the main template, used by `execute` without a name.
    public let name: String
    /// Functions callable from the templates, in addition to (and taking
    /// precedence over) the builtins.
    public let functions: [String: TemplateFunction]
    /// Behaviour for missing map keys; Go's default unless changed.
    public var missingKey: MissingKeyAction = .invalid
    private var trees: [String: ParsedTree] = [:]

    /// Parses `text` as the template `name`; every `{{define}}` and
    /// `{{block}}` in it becomes an associated template.
    public init(
        name: String, text: String, functions: [String: TemplateFunction] = [:]
    ) throws(TemplateError) {
        self.name = name
        self.functions = functions
        try parse(name: name, text: text)
    }

    /// Adds (or replaces) the template `name` and whatever it defines, like
    /// Go's `t.New(name).Parse(text)`. As in Go, a definition whose body is
    /// only white space does not replace an existing one.
    public mutating func parse(name: String, text: String) throws(TemplateError) {
        let names = Builtins.names.union(functions.keys)
        let parsed = try Parser.parse(name: name, text: text, functionNames: names)
        for (definedName, tree) in parsed {
            if trees[definedName] != nil && tree.isEmpty { continue }
            trees[definedName] = tree
        }
    }

    /// The names of all templates in the set, sorted.
    public var templateNames: [String] {
        trees.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Renders the main template, or the named associated one, with `data`
    /// as dot and `$`.
    public func execute(_ data: TemplateValue, template templateName: String? = nil) throws(TemplateError) -> String {
        let target = templateName ?? name
        guard let tree = trees[target] else {
            if templateName == nil {
                throw TemplateError(
                    kind: .execution, templateName: target, line: nil,
                    message: "\(GoQuoting.quote(target)) is an incomplete or empty template")
            }
            throw .usage(
                "no template \(GoQuoting.quote(target)) associated with template \(GoQuoting.quote(name))",
                name: target)
        }
        var executor = Executor(tree: tree, trees: trees, functions: functions, missingKey: missingKey)
        return try executor.run(data: data)
    }
}
