/// YAML's merge key, as Compose honours it: `<<: *defaults` or `<<: [*a, *b]`
/// brings in the pairs of those mappings whose keys the mapping does not write
/// itself; among several, the first that has a key wins.
enum MergeKeys {
    static func apply(to pairs: [Node.Mapping.Pair]) throws(YAMLError) -> [Node.Mapping.Pair] {
        guard pairs.contains(where: { isMerge($0.key) }) else { return pairs }
        var taken = Set(pairs.filter { !isMerge($0.key) }.compactMap(\.key.string))
        var result: [Node.Mapping.Pair] = []
        for pair in pairs {
            guard isMerge(pair.key) else {
                result.append(pair)
                continue
            }
            for source in try sources(pair.value) {
                for merged in source {
                    guard let key = merged.key.string else {
                        result.append(merged)
                        continue
                    }
                    guard !taken.contains(key) else { continue }
                    taken.insert(key)
                    result.append(merged)
                }
            }
        }
        return result
    }

    private static func isMerge(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key else { return false }
        return scalar.tag == .merge
    }

    private static func sources(_ value: Node) throws(YAMLError) -> [Node.Mapping] {
        switch value {
        case .mapping(let mapping):
            return [mapping]
        case .sequence(let items):
            var mappings: [Node.Mapping] = []
            for item in items {
                guard case .mapping(let mapping) = item else { throw notMergeable(item) }
                mappings.append(mapping)
            }
            return mappings
        case .scalar:
            throw notMergeable(value)
        }
    }

    private static func notMergeable(_ node: Node) -> YAMLError {
        YAMLError("a merge key (<<) takes a mapping or a list of mappings, like <<: *defaults or <<: [*a, *b]", at: node.mark)
    }
}
