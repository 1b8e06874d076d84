/// Applied to every component after its own settings, with the pod's context:
/// namespace sharing, cgroup placement, shared volumes, naming and labels. Each
/// describes itself; its examples are its tests and its documentation.
public protocol PodSettingHandler: Sendable {
    /// A short name for `podlike settings` and log metadata.
    var name: String { get }
    var summary: String { get }
    /// Pods and component settings, and what the create body must then hold.
    var examples: [PodHandlerExample] { get }
    /// Whether the IPC holder gets it too (labels, auto-removal, PID and cgroup):
    /// the holder's create body comes from the same handlers as the components'.
    var appliesToIpcHolder: Bool { get }

    func apply(to spec: inout ComponentSpec, pod: PodContext)
}

extension PodSettingHandler {
    public var appliesToIpcHolder: Bool { false }
}

/// One example of a pod-level handler: a pod, a container of it, and what the
/// handler must make of that container.
public struct PodHandlerExample: Sendable {
    public enum Outcome: Sendable {
        /// A JSON object the create body must contain; `null` means the field is absent.
        case request(String)
        /// A piece of a warning, with the JSON the create body must contain.
        case warning(String, request: String)
        /// The container's name.
        case containerName(String)
    }

    /// What is special about the pod, in words: "--no-pids", "a 1 GiB controller".
    public var given: String
    public var pod: PodContext
    /// The component's own settings as YAML (`mem_limit: 2g`), empty for none.
    public var settings: String
    public var role: ContainerRole
    public var outcome: Outcome
    public var line: Int

    public init(
        _ given: String, pod: PodContext = .example(), settings: String = "", role: ContainerRole = .component,
        _ outcome: Outcome, line: Int = #line
    ) {
        self.given = given
        self.pod = pod
        self.settings = settings
        self.role = role
        self.outcome = outcome
        self.line = line
    }
}
