/// What `podlike status` and `podlike healthcheck` read from the controller: every
/// component's record and the pod's health, the worst of theirs.
public struct PodStatus: Codable, Sendable, Equatable {
    public var health: PodHealth
    /// In the plan's order: init components first, then the others by name.
    public var components: [ComponentStatus]

    public init(components: [ComponentStatus]) {
        self.components = components
        self.health = Self.health(of: components)
    }

    /// The worst health of the components that still count. While none of them
    /// runs, the pod is at best starting.
    public static func health(of components: [ComponentStatus]) -> PodHealth {
        let counted = components.compactMap(\.podHealth)
        let worst = counted.min() ?? .healthy
        let anyRunning = components.contains { $0.state == .running && !$0.isInit }
        return anyRunning ? worst : min(worst, .starting)
    }

    /// The components that keep the pod from being healthy.
    public var componentsNotHealthy: [ComponentStatus] {
        components.filter { ($0.podHealth ?? .healthy) != .healthy }
    }
}

/// The pod's health. Ordered worst first, so the pod's is the minimum.
public enum PodHealth: String, Codable, Sendable, CaseIterable, Comparable {
    case unhealthy, starting, healthy

    private var rank: Int {
        switch self {
        case .unhealthy: 0
        case .starting: 1
        case .healthy: 2
        }
    }

    public static func < (lhs: PodHealth, rhs: PodHealth) -> Bool { lhs.rank < rhs.rank }
}

/// A component's health as the engine reports it; `none` without a healthcheck.
public enum ComponentHealth: String, Codable, Sendable, CaseIterable {
    case none, starting, healthy, unhealthy
}

/// Where a component is in its life, in the engine's words where it has one.
public enum ComponentState: String, Codable, Sendable, CaseIterable {
    /// Not created yet: it waits for the init components or its dependencies.
    case waiting
    case created
    case running
    /// It exited and its restart policy will start it again.
    case restarting
    case exited
}

public struct ComponentStatus: Codable, Sendable, Equatable {
    public var name: String
    public var isInit: Bool
    /// Another component depends on it with `service_completed_successfully`.
    public var isJob: Bool
    public var containerID: String?
    public var state: ComponentState
    public var health: ComponentHealth
    public var restarts: Int
    /// The code of its last exit, kept across restarts.
    public var exitCode: Int32?

    public init(
        name: String, isInit: Bool = false, isJob: Bool = false, containerID: String? = nil,
        state: ComponentState = .waiting, health: ComponentHealth = .none, restarts: Int = 0, exitCode: Int32? = nil
    ) {
        self.name = name
        self.isInit = isInit
        self.isJob = isJob
        self.containerID = containerID
        self.state = state
        self.health = health
        self.restarts = restarts
        self.exitCode = exitCode
    }

    /// What this component adds to the pod's health; nil once it no longer counts:
    /// an init component or a job that finished with 0.
    public var podHealth: PodHealth? {
        switch state {
        case .exited where exitCode == 0 && (isInit || isJob):
            return nil
        case .exited:
            return .unhealthy
        case .waiting, .created, .restarting:
            return .starting
        case .running where isInit:
            // The pod's real work hasn't started while init components run.
            return .starting
        case .running:
            switch health {
            case .none, .healthy: return .healthy
            case .starting: return .starting
            case .unhealthy: return .unhealthy
            }
        }
    }
}
