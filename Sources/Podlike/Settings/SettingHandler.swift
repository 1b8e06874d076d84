import PodlikeYAML

/// Translates one Compose key of a component into the create request.
///
/// Handlers are small stateless structs. Each describes itself, and its examples
/// are run as its tests and printed as its documentation (`podlike settings`).
public protocol SettingHandler: Sendable {
    var descriptor: SettingDescriptor { get }

    /// Applies the key's YAML value to the component. Throws `SettingProblem`
    /// pointing at the offending node.
    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem)
}

/// What the handler needs to know besides the value.
public struct SettingContext: Sendable {
    /// Relative paths in settings (such as `env_file`) are resolved against this.
    public var baseDirectory: String
    /// Used when `environment` names a variable without a value.
    public var processEnvironment: [String: String]

    public init(baseDirectory: String = ".", processEnvironment: [String: String] = [:]) {
        self.baseDirectory = baseDirectory
        self.processEnvironment = processEnvironment
    }
}

/// A handler's self-description.
public struct SettingDescriptor: Sendable {
    public enum Support: Sendable, Equatable {
        case supported(summary: String)
        /// A key a pod can't honour: the reason, and what to do instead.
        case unsupported(reason: String)
    }

    public var key: String
    public var aliases: [String]
    public var support: Support
    public var examples: [SettingExample]
    /// Where the handler is declared, so a failing example points at it.
    public var fileID: String
    public var filePath: String
    public var line: Int
    public var column: Int

    public init(
        key: String, aliases: [String] = [], summary: String, examples: [SettingExample],
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        self.key = key
        self.aliases = aliases
        self.support = .supported(summary: summary)
        self.examples = examples
        self.fileID = fileID
        self.filePath = filePath
        self.line = line
        self.column = column
    }

    public init(
        key: String, unsupportedBecause reason: String, examples: [SettingExample] = [],
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        self.key = key
        self.aliases = []
        self.support = .unsupported(reason: reason)
        self.examples = examples
        self.fileID = fileID
        self.filePath = filePath
        self.line = line
        self.column = column
    }

    public var isSupported: Bool {
        if case .supported = support { return true }
        return false
    }

    /// The summary, or the reason it is unsupported.
    public var text: String {
        switch support {
        case .supported(let summary): return summary
        case .unsupported(let reason): return reason
        }
    }
}

/// One example of a handler: a YAML fragment of a component (for example
/// `mem_limit: 512m`) and what it must produce.
public struct SettingExample: Sendable {
    public enum Outcome: Sendable {
        /// A JSON object that the encoded create body must contain.
        case request(String)
        /// A JSON object that the encoded lifecycle must contain.
        case lifecycle(String)
        /// A piece of the error message.
        case error(String)
        /// A piece of a warning, with the JSON the create body must contain.
        case warning(String, request: String)
    }

    public var yaml: String
    public var outcome: Outcome
    public var line: Int

    public init(_ yaml: String, _ outcome: Outcome, line: Int = #line) {
        self.yaml = yaml
        self.outcome = outcome
        self.line = line
    }
}

/// A key a pod can't honour. Applying it always fails with its reason.
public struct UnsupportedSetting: SettingHandler {
    public let descriptor: SettingDescriptor

    public init(_ key: String, because reason: String, fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) {
        descriptor = SettingDescriptor(
            key: key, unsupportedBecause: reason,
            examples: [SettingExample("\(key): x", .error(reason))],
            fileID: fileID, filePath: filePath, line: line)
    }

    public func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        throw SettingProblem("not supported in a pod: \(descriptor.text)", at: value)
    }
}
