/// Decides, from what the engine reports, which components to start, which to
/// restart, and when the pod ends. Pure state: the controller feeds it events and
/// carries out its actions, so every rule here is unit-tested without an engine.
public struct PodScheduler: Sendable {
    public enum Event: Sendable, Equatable {
        case started(String, hasHealthcheck: Bool)
        case healthy(String)
        case unhealthy(String)
        case exited(String, code: Int32)
    }

    public enum Action: Sendable, Equatable {
        case start(String)
        /// Start the component again once `afterSeconds` have passed.
        case restart(String, attempt: Int, afterSeconds: Double)
        case end(PodOutcome)
    }

    enum Phase: Equatable {
        case waiting, running, exited(Int32)
    }

    struct Component {
        var lifecycle: ComponentLifecycle
        var phase: Phase = .waiting
        var hasHealthcheck = false
        var healthy = false
        var becameUnhealthy = false
        /// The controller was told to start it (it may not be running yet).
        var startRequested = false
        var restarts = 0
        /// Another component waits for this one to complete successfully.
        var isJob = false
    }

    private var components: [String: Component]

    public init(_ lifecycles: [(name: String, lifecycle: ComponentLifecycle)]) {
        var components: [String: Component] = [:]
        for (name, lifecycle) in lifecycles {
            components[name] = Component(lifecycle: lifecycle)
        }
        for (_, lifecycle) in lifecycles {
            for dependency in lifecycle.dependsOn where dependency.condition == .completedSuccessfully {
                components[dependency.component]?.isJob = true
            }
        }
        self.components = components
    }

    public func restarts(of name: String) -> Int { components[name]?.restarts ?? 0 }

    /// The components that can start straight away.
    public mutating func initialActions() -> [Action] {
        startable()
    }

    public mutating func handle(_ event: Event) -> [Action] {
        switch event {
        case .started(let name, let hasHealthcheck):
            components[name]?.phase = .running
            components[name]?.startRequested = true
            components[name]?.hasHealthcheck = hasHealthcheck
            components[name]?.healthy = false
            return startable()
        case .healthy(let name):
            components[name]?.healthy = true
            return startable()
        case .unhealthy(let name):
            components[name]?.becameUnhealthy = true
            if let failed = waitingDependent(on: name, condition: .healthy), components[name]?.healthy == false {
                return [.end(.init(exitCode: 1, reason: "component \"\(failed)\" depends on \"\(name)\" being healthy, but \"\(name)\" became unhealthy"))]
            }
            return []
        case .exited(let name, let code):
            return exited(name, code: code)
        }
    }

    private mutating func exited(_ name: String, code: Int32) -> [Action] {
        guard var component = components[name] else { return [] }
        component.phase = .exited(code)
        components[name] = component

        if component.isJob {
            if code == 0 { return startable() }
            let dependent = waitingDependent(on: name, condition: .completedSuccessfully) ?? "another component"
            return [.end(.init(exitCode: code, reason: "component \"\(dependent)\" needs \"\(name)\" to complete successfully, but it exited with \(code)"))]
        }
        if let dependent = waitingDependent(on: name, condition: .healthy), !component.healthy {
            return [.end(.init(exitCode: code == 0 ? 1 : code, reason: "component \"\(dependent)\" depends on \"\(name)\" being healthy, but \"\(name)\" exited with \(code) first"))]
        }
        if shouldRestart(component, code: code) {
            components[name]?.restarts += 1
            let attempt = component.restarts + 1
            // Exponential backoff: 0.5s, 1s, 2s … capped at 30s.
            let delay = min(30, 0.5 * Double(1 << min(attempt - 1, 10)))
            return [.restart(name, attempt: attempt, afterSeconds: delay)]
        }
        if case .onFailure(let limit?) = component.lifecycle.restart, code != 0 {
            return [.end(.init(exitCode: code, reason: "component \"\(name)\" exited with \(code) after \(limit) restarts"))]
        }
        return [.end(.init(exitCode: code, reason: "component \"\(name)\" exited with \(code)"))]
    }

    private func shouldRestart(_ component: Component, code: Int32) -> Bool {
        switch component.lifecycle.restart {
        case .no: return false
        case .always, .unlessStopped: return true
        case .onFailure(let limit): return code != 0 && (limit.map { component.restarts < $0 } ?? true)
        }
    }

    /// A component still waiting to start that depends on `name` with `condition`.
    private func waitingDependent(on name: String, condition: Dependency.Condition) -> String? {
        components.keys.sorted().first { candidate in
            guard let component = components[candidate], !component.startRequested else { return false }
            return component.lifecycle.dependsOn.contains { $0.component == name && $0.condition == condition }
        }
    }

    /// Marks every waiting component whose dependencies now hold as started.
    private mutating func startable() -> [Action] {
        var actions: [Action] = []
        for name in components.keys.sorted() {
            guard let component = components[name], !component.startRequested else { continue }
            let ready = component.lifecycle.dependsOn.allSatisfy { dependency in
                guard let target = components[dependency.component] else { return false }
                switch dependency.condition {
                case .started: return target.phase != .waiting
                case .healthy: return target.phase == .running && (target.healthy || !target.hasHealthcheck)
                case .completedSuccessfully: return target.phase == .exited(0)
                }
            }
            if ready {
                components[name]?.startRequested = true
                actions.append(.start(name))
            }
        }
        return actions
    }

    /// Components grouped for stopping: dependents before their dependencies.
    public static func stopLevels(_ lifecycles: [String: ComponentLifecycle]) -> [[String]] {
        var remaining = Set(lifecycles.keys)
        var levels: [[String]] = []
        while !remaining.isEmpty {
            // Those that nothing remaining depends on stop first.
            let dependedOn = Set(remaining.flatMap { lifecycles[$0]?.dependsOn.map(\.component) ?? [] })
            var level = remaining.filter { !dependedOn.contains($0) }
            if level.isEmpty { level = remaining }  // a cycle can't pass validation; stop the rest together
            levels.append(level.sorted())
            remaining.subtract(level)
        }
        return levels
    }
}
