import PodlikeYAML

/// The words of a command (`command`, `entrypoint`): a string split the way `sh`
/// would split it, without expanding anything, or a list whose items, numbers
/// included, are kept as written.
public enum CommandWords {
    public static func parse(_ node: Node, expected: String) throws(SettingProblem) -> [String] {
        switch node {
        case .scalar where !node.isNull:
            let line = try node.text(expected: expected)
            do {
                return try ShellWords.split(line)
            } catch {
                throw SettingProblem(
                    "unmatched quote or trailing backslash in \(node.shortDescription); close the quote, "
                        + #"or write the command as a list like [sh, -c, "echo 'hello'"]"#,
                    at: node)
            }
        case .sequence:
            return try node.stringList(expected: "words of a command")
        default:
            throw .expected(expected, got: node)
        }
    }
}
