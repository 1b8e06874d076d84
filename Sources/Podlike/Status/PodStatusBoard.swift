#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The pod's status table: the controller records what the engine reports, and
/// the status server reads snapshots of it concurrently. Calls about a name that
/// was never registered (the IPC holder, say) are ignored.
public actor PodStatusBoard {
    private var order: [String] = []
    private var records: [String: ComponentStatus] = [:]

    public init() {}

    /// A board with every component of the plan registered, in the plan's order,
    /// and the components that others wait on with `service_completed_successfully`
    /// marked as jobs.
    public init(plan: PodPlan) {
        let jobs = Set(plan.components.flatMap { component in
            component.spec.lifecycle.dependsOn.filter { $0.condition == .completedSuccessfully }.map(\.component)
        })
        for component in plan.components {
            order.append(component.name)
            records[component.name] = ComponentStatus(
                name: component.name, isInit: component.isInit, isJob: jobs.contains(component.name))
        }
    }

    public func register(component name: String, isInit: Bool, isJob: Bool = false) {
        if records[name] == nil { order.append(name) }
        records[name] = ComponentStatus(name: name, isInit: isInit, isJob: isJob)
    }

    /// A container exists for the component (again, after a restart).
    public func created(_ name: String, id: String) {
        update(name) {
            $0.containerID = id
            $0.state = .created
            $0.health = .none
        }
    }

    /// The engine started it. A healthcheck makes it `starting` until the engine
    /// reports the first result.
    public func started(_ name: String, hasHealthcheck: Bool = false) {
        update(name) {
            $0.state = .running
            $0.health = hasHealthcheck ? .starting : .none
        }
    }

    /// The engine's health report: `healthy`, or the whole event action
    /// `health_status: healthy`. Values the engine doesn't use are ignored.
    public func health(_ name: String, _ status: String) {
        var value = Substring(status)
        if value.hasPrefix(Self.healthEventPrefix) { value = value.dropFirst(Self.healthEventPrefix.count) }
        guard let health = ComponentHealth(rawValue: value.trimmingWhitespace) else { return }
        update(name) { $0.health = health }
    }

    public func exited(_ name: String, code: Int32) {
        update(name) {
            $0.state = .exited
            $0.exitCode = code
        }
    }

    /// Its restart policy starts it again: counts the restart.
    public func restarted(_ name: String) {
        update(name) {
            $0.state = .restarting
            $0.restarts += 1
        }
    }

    /// Records what the scheduler is told, so the controller's event loop needs
    /// one line for the board.
    public func record(_ event: PodScheduler.Event) {
        switch event {
        case .started(let name, let hasHealthcheck): started(name, hasHealthcheck: hasHealthcheck)
        case .healthy(let name): health(name, ComponentHealth.healthy.rawValue)
        case .unhealthy(let name): health(name, ComponentHealth.unhealthy.rawValue)
        case .exited(let name, let code): exited(name, code: code)
        }
    }

    public func snapshot() -> PodStatus {
        PodStatus(components: order.compactMap { records[$0] })
    }

    static let healthEventPrefix = "health_status:"

    private func update(_ name: String, _ change: (inout ComponentStatus) -> Void) {
        guard var record = records[name] else { return }
        change(&record)
        records[name] = record
    }
}
