/// Why a template could not be parsed or executed, with enough context to
/// find the failing spot; `description` is worded exactly like Go's error, so
/// tools that show Go's messages today keep showing the same text.
public struct TemplateError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The text is not a valid template (Go's `Parse` error).
        case parse
        /// A valid template failed while running (Go's `ExecError`).
        case execution
        /// The API was asked for something that does not exist, such as an
        /// unknown template name; Go reports these without a position.
        case usage
    }

    public let kind: Kind
    /// For parse errors, the template being parsed; for execution errors,
    /// the template being executed (a `define`d name inside `{{template}}`).
    public let templateName: String
    /// The top-level template whose text holds the failing spot; it differs
    /// from `templateName` when the failure is inside a `define`.
    public let sourceName: String
    /// 1-based line of the failing spot; `nil` only for usage errors and the
    /// rare execution errors Go reports before any action runs.
    public let line: Int?
    /// 0-based byte column, as Go counts it; execution errors only.
    public let column: Int?
    /// The failing action's text as Go prints it (`.Service.Nme`,
    /// `index .list 5`); execution errors only.
    public let action: String?
    /// Go's message without the location prefix.
    public let message: String

    init(
        kind: Kind, templateName: String, sourceName: String? = nil,
        line: Int?, column: Int? = nil, action: String? = nil, message: String
    ) {
        self.kind = kind
        self.templateName = templateName
        self.sourceName = sourceName ?? templateName
        self.line = line
        self.column = column
        self.action = action
        self.message = message
    }

    public var description: String {
        switch kind {
        case .usage:
            return "template: \(message)"
        case .parse:
            if let line {
                return "template: \(sourceName):\(line): \(message)"
            }
            return "template: \(sourceName): \(message)"
        case .execution:
            guard let line, let column, let action else {
                return "template: \(templateName): \(message)"
            }
            let name = GoQuoting.quote(templateName)
            return "template: \(sourceName):\(line):\(column): executing \(name) at <\(action)>: \(message)"
        }
    }
}

extension TemplateError {
    static func parse(_ message: String, name: String, line: Int) -> TemplateError {
        TemplateError(kind: .parse, templateName: name, line: line, message: message)
    }

    static func usage(_ message: String, name: String) -> TemplateError {
        TemplateError(kind: .usage, templateName: name, line: nil, message: message)
    }
}
