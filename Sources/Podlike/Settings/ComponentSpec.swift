/// Everything a component's settings decide: the create body for the engine plus
/// what the controller itself acts on.
public struct ComponentSpec: Sendable, Equatable {
    public var name: String
    /// A component, or the IPC holder that pod-level handlers also shape.
    public var role: ContainerRole
    public var request: CreateContainerRequest
    public var lifecycle: ComponentLifecycle
    /// The container's name, set by the pod (`<controller>.podlike.<component>`).
    public var containerName: String?
    /// Things worth telling the user that are not errors (a capped limit, say).
    public var warnings: [String]
    /// Where each key the user wrote stands in its label or file, for errors that
    /// weigh one component's settings against the pod's.
    public var keyLines: [String: Int]

    public init(name: String, role: ContainerRole = .component, request: CreateContainerRequest = .init(), lifecycle: ComponentLifecycle = .init()) {
        self.name = name
        self.role = role
        self.request = request
        self.lifecycle = lifecycle
        self.warnings = []
        self.keyLines = [:]
    }
}

/// What a container of the pod is for.
public enum ContainerRole: Sendable, Equatable {
    case component
    /// Holds the pod's IPC namespace when the controller's can't be joined.
    case ipcHolder
}

/// The parts of a component that the controller runs, not the engine.
public struct ComponentLifecycle: Codable, Sendable, Equatable {
    public var restart: RestartRule
    public var dependsOn: [Dependency]
    public var pullPolicy: PullPolicy
    /// Nanoseconds the component gets between its stop signal and SIGKILL.
    public var stopGracePeriod: Int64?
    /// Forwarded to image pulls and to the create call.
    public var platform: String?

    public init() {
        restart = .no
        dependsOn = []
        pullPolicy = .missing
    }
}

public enum RestartRule: Codable, Sendable, Equatable {
    case no
    case always
    case unlessStopped
    case onFailure(maxRetries: Int?)
}

public struct Dependency: Codable, Sendable, Equatable {
    public enum Condition: String, Codable, Sendable, CaseIterable {
        case started = "service_started"
        case healthy = "service_healthy"
        case completedSuccessfully = "service_completed_successfully"
    }

    public var component: String
    public var condition: Condition
    public var line: Int?
    public var column: Int?

    public init(component: String, condition: Condition, line: Int? = nil, column: Int? = nil) {
        self.component = component
        self.condition = condition
        self.line = line
        self.column = column
    }
}

public enum PullPolicy: String, Codable, Sendable, CaseIterable {
    case always
    case missing
    case never
}
