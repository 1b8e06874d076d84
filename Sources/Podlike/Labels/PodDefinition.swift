/// The components and copies that a controller's labels describe, parsed but not
/// yet translated by any handler.
public struct PodDefinition {
    /// `pod.init.components`, in their order.
    public var initComponents: [ComponentDefinition]
    /// Every other component, sorted by name.
    public var components: [ComponentDefinition]
    /// `pod.copy.NAME`, by component name.
    public var copies: [String: [CopyInstruction]]
    public var warnings: [String]

    public init(initComponents: [ComponentDefinition] = [], components: [ComponentDefinition] = [], copies: [String: [CopyInstruction]] = [:], warnings: [String] = []) {
        self.initComponents = initComponents
        self.components = components
        self.copies = copies
        self.warnings = warnings
    }

    /// Init components first, then the others.
    public var all: [ComponentDefinition] { initComponents + components }
}
