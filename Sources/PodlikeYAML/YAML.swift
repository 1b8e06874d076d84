/// Reads one YAML value (a label, a Compose file) into a `Node`.
public enum YAML {
    /// The value of a text with one document; nil when the text holds none.
    ///
    /// Aliases are expanded and merge keys (`<<: *defaults`, `<<: [*a, *b]`)
    /// applied. Tags outside the core schema and NUL characters are kept, for the
    /// reader to refuse with `Node.foreignContent` where it knows what the value is.
    public static func compose(_ text: String, limits: YAMLLimits = .standard) throws(YAMLError) -> Node? {
        var composer = Composer(reader: EventReader(text), limits: limits)
        return try composer.document()
    }
}
