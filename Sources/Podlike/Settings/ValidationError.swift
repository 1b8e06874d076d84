/// One problem with one component's definition, ready to show to a user:
/// `component "app", key "mem_limit" (line 4:12): expected a byte size like "512m", got "lots"`.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var component: String?
    public var key: String?
    /// The label or file the definition came from.
    public var source: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(
        component: String? = nil, key: String? = nil, source: String? = nil,
        line: Int? = nil, column: Int? = nil, message: String
    ) {
        self.component = component
        self.key = key
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    public init(component: String, key: String, source: String? = nil, problem: SettingProblem) {
        self.init(
            component: component, key: key, source: source,
            line: problem.line, column: problem.column, message: problem.message)
    }

    public var description: String {
        var parts: [String] = []
        if let component { parts.append("component \"\(component)\"") }
        if let key { parts.append("key \"\(key)\"") }
        if component == nil, key == nil, let source { parts.append("label \"\(source)\"") }
        var head = parts.joined(separator: ", ")
        if let line {
            let position = column.map { "line \(line):\($0)" } ?? "line \(line)"
            head += head.isEmpty ? position : " (\(position))"
        }
        return head.isEmpty ? message : "\(head): \(message)"
    }
}

/// Every problem found while validating a pod, reported together.
public struct PodValidationFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [ValidationError]

    public init(_ errors: [ValidationError]) {
        self.errors = errors
    }

    public var description: String {
        let count = errors.count == 1 ? "1 problem" : "\(errors.count) problems"
        return (["invalid pod definition, \(count):"] + errors.map { "  - \($0)" })
            .joined(separator: "\n")
    }
}
