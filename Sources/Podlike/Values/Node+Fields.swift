import Yams

/// A mapping's values by key, read after its unknown keys were rejected, so a
/// handler can look fields up by name and report the ones that are missing.
public struct MappingFields {
    /// The mapping itself, where a missing field is reported.
    public let node: Node
    private let what: String
    private let values: [String: Node]

    init(node: Node, what: String, values: [String: Node]) {
        self.node = node
        self.what = what
        self.values = values
    }

    public subscript(key: String) -> Node? { values[key] }

    /// The value of a field that must be there: `a weight_device entry needs "weight", like {path: /dev/sda, weight: 500}`.
    public func required(_ key: String, like example: String) throws(SettingProblem) -> Node {
        guard let value = values[key] else {
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
        var values: [String: Node] = [:]
        for pair in pairs { values[pair.key] = pair.value }
        return MappingFields(node: self, what: what, values: values)
    }
}
