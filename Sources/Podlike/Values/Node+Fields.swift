import PodlikeYAML

/// A mapping's values by key, read after its unknown keys were rejected, so a
/// handler can look fields up by name and report the ones that are missing.
public struct MappingFields {
    /// The mapping itself, where a missing field is reported.
    private let node: Node
    /// The fields in the order written.
    public let entries: [(key: String, value: Node)]
    private let what: String

    init(node: Node, what: String, entries: [(key: String, value: Node)]) {
        self.node = node
        self.what = what
        self.entries = entries
    }

    /// The value of `key`; when a key is written twice, the last one, as YAML loaders do.
    public subscript(key: String) -> Node? {
        entries.last { $0.key == key }?.value
    }

    /// The value of a field that must be there: `a weight_device entry needs "weight", like {path: /dev/sda, weight: 500}`.
    public func required(_ key: String, like example: String) throws(SettingProblem) -> Node {
        guard let value = self[key] else {
            throw SettingProblem("\(what) needs \"\(key)\", like \(example)", at: node)
        }
        return value
    }
}

extension Node {
    /// The fields of a mapping whose keys must all be in `allowed` (a misspelt one
    /// gets a "did you mean"). `expected` describes the mapping when the node is
    /// something else; `what` names it in messages ("blkio_config").
    public func fields(of what: String, allowed: [String], expected: String) throws(SettingProblem) -> MappingFields {
        let pairs = try pairs(expected: expected)
        try checkKeys(allowed, of: what)
        return MappingFields(node: self, what: what, entries: pairs.map { ($0.key, $0.value) })
    }
}
