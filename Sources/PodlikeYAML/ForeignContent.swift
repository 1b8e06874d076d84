/// What no container setting can hold, found where it is written: a tag outside
/// the core schema (`!!binary`, `!custom`) or a NUL character. The composer keeps
/// both so that the caller, which knows the component and the key, can say so.
extension Node {
    /// The first such problem in this value, keys included; nil when there is none.
    public var foreignContent: YAMLError? {
        var pending: [Node] = [self]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                if !scalar.tag.isCore { return Self.unsupported(scalar.tag, at: scalar.mark) }
                if scalar.string.utf8.contains(0) {
                    return YAMLError(#"a NUL character (\0) can't be passed to the engine; remove it"#, at: scalar.mark)
                }
            case .mapping(let mapping):
                if mapping.tag != .map { return Self.unsupported(mapping.tag, at: mapping.mark) }
                for pair in mapping.reversed() { pending += [pair.value, pair.key] }
            case .sequence(let sequence):
                if sequence.tag != .seq { return Self.unsupported(sequence.tag, at: sequence.mark) }
                pending += sequence.reversed()
            }
        }
        return nil
    }

    private static func unsupported(_ tag: Tag, at mark: Mark?) -> YAMLError {
        YAMLError("""
            the YAML tag \(tag) is not supported here; write the value without it \
            (podlike reads only the core schema: strings, numbers, booleans, null, lists and mappings)
            """, at: mark)
    }
}
