/// How much one YAML text may hold, so that no label can make podlike spend
/// unbounded memory or stack: past a limit, composing stops with an error that
/// names it.
public struct YAMLLimits: Sendable, Equatable {
    /// How deep mappings and lists may nest.
    public var depth: Int
    /// How many values a text may expand to, aliases counted each time they are
    /// used, which is what stops an alias bomb ("billion laughs").
    public var nodes: Int

    public init(depth: Int, nodes: Int) {
        self.depth = depth
        self.nodes = nodes
    }

    /// Far beyond any real Compose file: 64 levels, 200,000 values.
    public static let standard = YAMLLimits(depth: 64, nodes: 200_000)
}
