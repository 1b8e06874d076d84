/// Reads one YAML value (a label, a Compose file) into a `Node`.
public enum YAML {
    /// The value of a text with one document; nil when the text holds none.
    ///
    /// Aliases are expanded, merge keys (`<<: *defaults`, `<<: [*a, *b]`)
    /// applied, and every tag checked against the core schema.
    public static func compose(_ text: String, limits: YAMLLimits = .standard) throws(YAMLError) -> Node? {
        var composer = Composer(reader: EventReader(text), limits: limits)
        return try composer.document()
    }
}
