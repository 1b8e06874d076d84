import PodlikeYAML

/// Typed reads of YAML values that fail with a `SettingProblem` pointing at the node.
extension Node {
    /// The scalar's text as written: numbers and booleans keep their spelling.
    public func text(expected: String) throws(SettingProblem) -> String {
        guard case .scalar(let scalar) = self else { throw .expected(expected, got: self) }
        return scalar.string
    }

    /// A non-empty scalar's text.
    public func nonEmptyText(expected: String) throws(SettingProblem) -> String {
        let value = try text(expected: expected)
        guard !value.isEmpty, !isNull else { throw .expected(expected, got: self) }
        return value
    }

    public func boolValue() throws(SettingProblem) -> Bool {
        guard case .scalar = self, let value = bool else { throw .expected("true or false", got: self) }
        return value
    }

    public func integer(expected: String = "a whole number", in range: ClosedRange<Int64>? = nil) throws(SettingProblem) -> Int64 {
        let raw = try text(expected: expected).trimmingWhitespace
        guard let value = Int64(raw) else {
            // Digits past what 64 bits hold are out of range, not malformed.
            if let range, raw.isWholeNumber {
                throw SettingProblem("expected \(expected) from \(range.lowerBound) to \(range.upperBound), got \(raw)", at: self)
            }
            throw .expected(expected, got: self)
        }
        if let range, !range.contains(value) {
            throw SettingProblem("expected \(expected) from \(range.lowerBound) to \(range.upperBound), got \(value)", at: self)
        }
        return value
    }

    public func number(expected: String) throws(SettingProblem) -> Double {
        let raw = try text(expected: expected).trimmingWhitespace
        guard let value = Double(raw), value.isFinite else { throw .expected(expected, got: self) }
        return value
    }

    /// A string, or a list of strings (the schema's `string_or_list`).
    public func stringOrList(expected: String) throws(SettingProblem) -> [String] {
        switch self {
        case .scalar: return [try text(expected: expected)]
        case .sequence: return try stringList(expected: expected)
        default: throw .expected(expected, got: self)
        }
    }

    /// A list of scalars, each kept as written.
    public func stringList(expected: String) throws(SettingProblem) -> [String] {
        guard case .sequence(let items) = self else { throw .expected("a list of \(expected)", got: self) }
        return try items.map { (item: Node) throws(SettingProblem) -> String in
            try item.text(expected: expected)
        }
    }

    /// The pairs of a mapping with scalar keys, in the order written.
    public func pairs(expected: String) throws(SettingProblem) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = self else { throw .expected(expected, got: self) }
        return try mapping.map { (pair: (key: Node, value: Node)) throws(SettingProblem) in
            (try pair.key.text(expected: "a name"), pair.key, pair.value)
        }
    }

    /// Rejects keys of a mapping other than `allowed`, suggesting the nearest.
    public func checkKeys(_ allowed: [String], of what: String) throws(SettingProblem) {
        guard case .mapping(let mapping) = self else { return }
        for key in mapping.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let hint = Suggestion.nearest(to: name, in: allowed).map { "; did you mean \"\($0)\"?" }
                ?? "; \(what) accepts \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
            throw SettingProblem("unknown key \"\(name)\" in \(what)\(hint)", at: key)
        }
    }
}
