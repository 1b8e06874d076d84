import Logging

/// Removes what pods left behind. A controller that is SIGKILLed, or whose engine
/// died, never stops its components; with PID sharing the kernel ends them, but
/// without it (`--no-pids`) they run on as orphans. Every component and IPC holder
/// carries its controller's ID, so an orphan is a container whose controller is
/// gone, or has stopped. Controllers call this at start; `podlike reap` on demand.
public struct Reaper: Sendable {
    public let engine: EngineClient
    public let logger: Logger
    /// How long to wait on a removal that someone else has under way (AutoRemove,
    /// or the engine's own clean-up after it restarted) before giving up on it.
    public let takeOverAfter: Duration

    public init(engine: EngineClient, logger: Logger, takeOverAfter: Duration = .seconds(30)) {
        self.engine = engine
        self.logger = logger
        self.takeOverAfter = takeOverAfter
    }

    /// A container that belongs to a pod whose controller is gone or stopped.
    public struct Orphan: Sendable, Equatable, CustomStringConvertible {
        public var containerID: String
        /// Without the leading slash.
        public var containerName: String
        /// The component's name, or `ipc-holder` for a pod's IPC holder.
        public var component: String
        public var controllerID: String
        public var controller: ControllerState

        public init(containerID: String, containerName: String, component: String, controllerID: String, controller: ControllerState) {
            self.containerID = containerID
            self.containerName = containerName
            self.component = component
            self.controllerID = controllerID
            self.controller = controller
        }

        public var description: String {
            "\(containerName) (component \(component) of controller \(controllerID.prefix(12)), which \(controller.explanation))"
        }
    }

    /// What the engine says about a component's controller.
    public enum ControllerState: Sendable, Equatable {
        /// Inspecting it answered 404.
        case gone
        /// It exists, with this `State.Status`.
        case status(String)
        /// It is the caller, started again in place (`docker start`, a restart
        /// policy): a container keeps its ID, so its earlier run's pod has it too.
        case restarted

        /// Whether the controller's pod is over: the controller is gone, or its
        /// process has ended (`exited`, `dead`, being removed, or waiting to be
        /// restarted by a restart policy, which starts a new pod). A `created`
        /// controller has never run a pod; a `paused` one still holds it.
        public var podIsOver: Bool {
            switch self {
            case .gone, .restarted: true
            case .status(let status): ["exited", "dead", "removing", "restarting"].contains(status)
            }
        }

        var explanation: String {
            switch self {
            case .gone: "no longer exists"
            case .restarted: "was started again; this is its earlier run"
            case .status(let status): "is \(status)"
            }
        }
    }

    /// The outcome of one reaping: what was removed, and what could not be.
    public struct Report: Sendable {
        public struct Failure: Sendable {
            public var orphan: Orphan
            public var error: any Error
        }

        public var removed: [Orphan] = []
        public var failed: [Failure] = []

        public init() {}
    }

    /// Finds this node's orphans and removes them, with their anonymous volumes.
    /// `controllerID` (the caller's own, full ID) is never touched. Engine errors
    /// while looking throw; a failed removal is reported and the rest go on.
    public func reap(excluding controllerID: String? = nil) async throws -> Report {
        await remove(all: try await orphans(excluding: controllerID))
    }

    /// Removes `orphans` side by side, so that one the engine is slow to let go
    /// of holds up none of the others. The report keeps their order.
    func remove(all orphans: [Orphan]) async -> Report {
        let outcomes = await withTaskGroup(of: Removal.self) { group in
            for (index, orphan) in orphans.enumerated() {
                group.addTask {
                    do {
                        return Removal(index: index, removed: try await remove(orphan), error: nil)
                    } catch {
                        return Removal(index: index, removed: false, error: error)
                    }
                }
            }
            var outcomes: [Removal] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.index < $1.index }
        }
        var report = Report()
        for outcome in outcomes {
            let orphan = orphans[outcome.index]
            if let error = outcome.error {
                logger.warning(
                    "could not remove orphan \(orphan): \(error)",
                    metadata: ["container": "\(orphan.containerName)", "controller-id": "\(orphan.controllerID)"])
                report.failed.append(.init(orphan: orphan, error: error))
            } else if outcome.removed {
                report.removed.append(orphan)
            }
        }
        return report
    }

    /// One removal's outcome, a named struct as a task group's child result.
    private struct Removal: Sendable {
        var index: Int
        var removed: Bool
        var error: (any Error)?
    }

    /// This node's orphans, without removing anything.
    public func orphans(excluding controllerID: String? = nil) async throws -> [Orphan] {
        let labelled = try await engine.listContainers(all: true, labels: [PodLabelling.controller])
        let candidates = Self.candidates(labelled, excluding: controllerID)
        var controllers: [String: ControllerState] = [:]
        for id in Set(candidates.compactMap { $0.Labels?[PodLabelling.controller] }) {
            controllers[id] = try await state(ofController: id)
        }
        return Self.orphans(among: candidates, controllers: controllers)
    }

    /// Removes one orphan: true when this call removed it, false when someone else
    /// did. A removal already under way elsewhere (AutoRemove, or the engine's own
    /// clean-up after it restarted) is waited on with the engine's own wait for
    /// removal, not polled, and not trusted: each time that wait returns, the
    /// removal is asked for again. When the other removal failed, the container is
    /// still there, and this call removes it. Past `takeOverAfter`, it is asked for
    /// once more (a removal that failed before the wait began leaves a wait that
    /// only a later removal ends); still under way then, it throws `RemovalStuck`.
    @discardableResult
    public func remove(_ orphan: Orphan) async throws -> Bool {
        var attempt = try await removal(of: orphan)
        if attempt == .underWay {
            logger.debug("waiting on the engine's own removal of orphan", metadata: ["container": "\(orphan.containerName)"])
            let settled = try await withThrowingTaskGroup(of: Attempt?.self) { group in
                group.addTask { try await outlast(orphan) }
                group.addTask { try await Task.sleep(for: takeOverAfter); return nil }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
            attempt = if let settled { settled } else { try await removal(of: orphan) }  // given up: once more
        }
        switch attempt {
        case .removed:
            logger.notice("removed orphan \(orphan)", metadata: [
                "container": "\(orphan.containerName)", "component": "\(orphan.component)", "controller-id": "\(orphan.controllerID)",
            ])
            return true
        case .gone:
            logger.debug("orphan already removed", metadata: ["container": "\(orphan.containerName)"])
            return false
        case .underWay: throw RemovalStuck(orphan: orphan, waited: takeOverAfter)
        }
    }

    /// What asking the engine to remove an orphan once came to.
    private enum Attempt { case removed, gone, underWay }

    private func removal(of orphan: Orphan) async throws -> Attempt {
        do {
            try await engine.removeContainer(orphan.containerID, force: true, volumes: true)
            return .removed
        } catch let error as EngineError where error.isNotFound {
            return .gone
        } catch let error as EngineError where error.isRemovalInProgress {
            return .underWay
        }
    }

    /// Waits until the removal under way ends, finished or failed, and asks again;
    /// and so on while another one has started. Cancelled at `takeOverAfter`.
    private func outlast(_ orphan: Orphan) async throws -> Attempt {
        while true {
            do {
                _ = try await engine.waitContainer(orphan.containerID, condition: .removed)
            } catch let error as EngineError where error.isNotFound {
                return .gone
            } catch let error as EngineError where error.isFailureInStream {
                logger.debug("the engine's own removal failed: \(error)", metadata: ["container": "\(orphan.containerName)"])
            }
            let attempt = try await removal(of: orphan)
            if attempt != .underWay { return attempt }
        }
    }

    private func state(ofController id: String) async throws -> ControllerState {
        do {
            return .status(try await engine.inspectContainer(id).State.Status)
        } catch let error as EngineError where error.isNotFound {
            return .gone
        }
    }

    // MARK: - The decision, apart from the engine

    /// Containers that might be orphans: labelled with a controller that is not
    /// `excluded`. The engine lists only its own containers, so their
    /// `io.podlike.node` label is not checked: a node that left the swarm and
    /// joined again has a new ID, and what its old pods left is still its own.
    public static func candidates(_ containers: [ContainerSummary], excluding excluded: String?) -> [ContainerSummary] {
        containers.filter { container in
            guard let controller = container.Labels?[PodLabelling.controller], !controller.isEmpty else { return false }
            return controller != excluded
        }
    }

    /// The candidates whose controller's pod is over, given what inspecting each
    /// controller said. A controller missing from `controllers` is left alone.
    public static func orphans(among candidates: [ContainerSummary], controllers: [String: ControllerState]) -> [Orphan] {
        candidates.compactMap { container in
            guard let controllerID = container.Labels?[PodLabelling.controller],
                  let controller = controllers[controllerID], controller.podIsOver
            else { return nil }
            let labels = container.Labels ?? [:]
            return Orphan(
                containerID: container.Id,
                containerName: container.Names.first.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 } ?? String(container.Id.prefix(12)),
                component: labels[PodLabelling.component] ?? labels[IpcHolder.roleLabel] ?? "?",
                controllerID: controllerID,
                controller: controller)
        }
        .sorted { ($0.controllerID, $0.containerName) < ($1.controllerID, $1.containerName) }
    }
}
