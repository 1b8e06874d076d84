import PodlikeYAML

/// The schema's `list_or_dict`: `{KEY: value}` or `["KEY=value"]`, used by
/// `environment`, `labels` and `sysctls`. Numbers and booleans keep their text;
/// a missing value is nil (`KEY` in a list, `KEY:` in a mapping).
public enum KeyValueList {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String?
    }

    public static func parse(_ node: Node, example: String) throws(SettingProblem) -> [Entry] {
        switch node {
        case .mapping:
            return try node.pairs(expected: "a mapping like \(example)").map { (pair) throws(SettingProblem) -> Entry in
                guard !pair.key.isEmpty else { throw SettingProblem("a name can't be empty; write one, like \(example)", at: pair.keyNode) }
                if pair.value.isNull { return Entry(key: pair.key, value: nil) }
                return Entry(key: pair.key, value: try pair.value.text(expected: "a string, number or boolean"))
            }
        case .sequence(let items):
            return try items.map { (item: Node) throws(SettingProblem) -> Entry in
                let text = try item.text(expected: "\"KEY=value\"")
                guard !text.isEmpty else { throw .expected("\"KEY=value\"", got: item) }
                guard let equals = text.firstIndex(of: "=") else { return Entry(key: text, value: nil) }
                guard equals != text.startIndex else {
                    throw SettingProblem("\(item.shortDescription) has no name before \"=\"; write it as \"KEY=value\"", at: item)
                }
                return Entry(key: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
            }
        default:
            throw .expected("a mapping like \(example) or a list of \"KEY=value\"", got: node)
        }
    }

    /// As a dictionary, for fields with no missing values (a missing value becomes "").
    public static func dictionary(_ node: Node, example: String) throws(SettingProblem) -> [String: String] {
        var result: [String: String] = [:]
        for entry in try parse(node, example: example) {
            result[entry.key] = entry.value ?? ""
        }
        return result
    }
}
