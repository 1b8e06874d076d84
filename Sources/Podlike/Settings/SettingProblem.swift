import PodlikeYAML

/// What a handler throws when a value can't be honoured. The driver adds the
/// component and the key; the problem carries the position and the advice.
public struct SettingProblem: Error, Sendable, Equatable {
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(_ message: String, at node: Node? = nil) {
        self.message = message
        self.line = node?.mark?.line
        self.column = node?.mark?.column
    }

    public init(_ message: String, line: Int?, column: Int?) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// A YAML problem (a foreign tag, a NUL) where it was found.
    public init(_ error: YAMLError) {
        self.init(error.message, line: error.mark?.line, column: error.mark?.column)
    }

    /// `expected a byte size like "512m", got "lots"`
    public static func expected(_ what: String, got node: Node) -> SettingProblem {
        SettingProblem("expected \(what), got \(node.shortDescription)", at: node)
    }
}

extension Node {
    /// A compact rendering of a value for error messages.
    public var shortDescription: String {
        switch self {
        case .scalar(let scalar):
            if scalar.string.isEmpty || isNull { return "an empty value" }
            return "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}
