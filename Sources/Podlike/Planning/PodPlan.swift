/// A validated pod: every component's spec, before the pod context is applied
/// (`ComponentDriver.applying`) and after.
public struct PodPlan: Sendable {
    public struct Component: Sendable, Equatable {
        public var name: String
        public var isInit: Bool
        public var spec: ComponentSpec
        public var copies: [CopyInstruction]
    }

    /// Init components first, in their order, then the others sorted by name.
    public var components: [Component]
    public var warnings: [String]
    /// The IPC holder's spec, once the pod is applied and needs one.
    public var ipcHolder: ComponentSpec?

    public var initComponents: [Component] { components.filter(\.isInit) }
    public var regularComponents: [Component] { components.filter { !$0.isInit } }
}
