import PodlikeYAML

/// One `pod.copy.NAME` entry: a file or folder in the controller, and where it
/// goes in the component.
public struct CopyInstruction: Sendable, Equatable, Codable {
    public var source: String
    public var destination: String

    public init(source: String, destination: String) {
        self.source = source
        self.destination = destination
    }

    /// Parses a label value: `src:dst`, a list of those, or a `src: dst` mapping.
    static func parse(_ node: Node) throws(SettingProblem) -> [CopyInstruction] {
        if let problem = node.foreignContent {
            throw SettingProblem(problem)
        }
        switch node {
        case .scalar(let scalar):
            return [try parsePair(scalar.string, at: node)]
        case .sequence(let sequence):
            return try sequence.map { (item: Node) throws(SettingProblem) -> CopyInstruction in
                guard case .scalar(let scalar) = item else {
                    throw .expected("\"/source/path:/target/path\"", got: item)
                }
                return try parsePair(scalar.string, at: item)
            }
        case .mapping(let mapping):
            return try mapping.map { (pair: (key: Node, value: Node)) throws(SettingProblem) -> CopyInstruction in
                guard case .scalar(let source) = pair.key, case .scalar(let destination) = pair.value else {
                    throw .expected("\"/source/path: /target/path\"", got: pair.value)
                }
                return try checked(source.string, destination.string, at: pair.key)
            }
        }
    }

    private static func parsePair(_ text: String, at node: Node) throws(SettingProblem) -> CopyInstruction {
        guard let colon = text.firstIndex(of: ":") else {
            throw SettingProblem("expected \"/source/path:/target/path\", got \"\(text)\" without a colon", at: node)
        }
        return try checked(String(text[..<colon]), String(text[text.index(after: colon)...]), at: node)
    }

    private static func checked(_ source: String, _ destination: String, at node: Node) throws(SettingProblem) -> CopyInstruction {
        let source = source.trimmingWhitespace, destination = destination.trimmingWhitespace
        guard !source.isEmpty, !destination.isEmpty else {
            throw SettingProblem("both sides of \"\(source):\(destination)\" must be paths, like \"/run/secrets/app:/etc/app\"", at: node)
        }
        guard destination.hasPrefix("/") else {
            throw SettingProblem("the destination \"\(destination)\" must be an absolute path, like \"/etc/app/\(destination)\"", at: node)
        }
        return CopyInstruction(source: source, destination: destination)
    }
}
