#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import ServiceLifecycle

/// Runs one pod on the engine: init components one by one, then every other
/// component as its dependencies allow, driven by the engine's event stream. It
/// ends when a component ends the pod or on graceful shutdown (SIGTERM/SIGINT),
/// and then stops and removes every container it created.
public struct PodController: Service, CustomStringConvertible {
    public let engine: EngineClient
    /// The validated plan, with the pod context applied.
    public let plan: PodPlan
    public let pod: PodContext
    /// The holder's create body, when the controller's IPC can't be joined.
    public let ipcHolder: CreateContainerRequest?
    /// The controller's own stop grace period: the whole pod stops within it.
    public let stopGrace: Duration
    public let outcome: OutcomeBox
    public let logger: Logger
    public let credentials: RegistryCredentials
    /// What `podlike status` and `podlike healthcheck` read.
    public let status: PodStatusBoard
    /// Each component's `pod.copy` files, read when the controller is made, so a
    /// missing source fails before anything is created.
    private let copies: [String: [UInt8]]
    private let lineWriter: LineWriter
    private let forwarders = ForwarderTracker()

    public init(
        engine: EngineClient, plan: PodPlan, pod: PodContext, ipcHolder: CreateContainerRequest?,
        stopGrace: Duration, credentials: RegistryCredentials, status: PodStatusBoard,
        outcome: OutcomeBox, logger: Logger
    ) throws {
        self.copies = try CopyUploader.archives(for: plan.components)
        self.status = status
        self.credentials = credentials
        self.lineWriter = LineWriter(componentNames: plan.components.map(\.name))
        self.engine = engine
        self.plan = plan
        self.pod = pod
        self.ipcHolder = ipcHolder
        self.stopGrace = stopGrace
        self.outcome = outcome
        self.logger = logger
    }

    public var description: String { "PodController(\(pod.controllerName))" }

    enum Message: Sendable {
        case engine(EngineEvent)
        case eventsEnded(String)
        case restartDue(String)
        case shutdown
    }

    public func run() async throws {
        outcome.store(await runPod())
    }

    func runPod() async -> PodOutcome {
        let (inbox, mailbox) = AsyncStream<Message>.makeStream()
        var table = ContainerTable()
        var scheduler = PodScheduler(plan.regularComponents.map { ($0.name, $0.spec.lifecycle) })

        let result = await withTaskGroup(of: Void.self, returning: PodOutcome.self) { group in
            var outcome: PodOutcome
            do {
                // Subscribe before anything exists, so no event of ours is missed.
                let events = try await engine.events(filters: [
                    "type": ["container"],
                    "label": ["\(PodLabelling.controller)=\(pod.controllerID)"],
                ])
                group.addTask {
                    do {
                        for try await event in events { mailbox.yield(.engine(event)) }
                        mailbox.yield(.eventsEnded("the engine closed the event stream"))
                    } catch {
                        mailbox.yield(.eventsEnded("\(error)"))
                    }
                }
                outcome = try await withGracefulShutdownHandler {
                    try await drive(inbox: inbox, mailbox: mailbox, table: &table, scheduler: &scheduler, group: &group)
                } onGracefulShutdown: {
                    mailbox.yield(.shutdown)
                }
            } catch let error as PodFailure {
                outcome = .failed(error.description)
            } catch {
                outcome = .failed("\(error)")
            }
            logger.info("pod ending: \(outcome)")
            let left = await stopAll(table)
            if !left.isEmpty, outcome.exitCode == 0 {
                // Stopped as asked, but not cleanly: say so with the exit code.
                outcome = .failed("the engine stopped answering while the pod stopped, so \(left.map { "\"\($0)\"" }.joined(separator: ", ")) may be left; the next controller on this node, or podlike reap, removes what is")
            }
            await forwarders.drained(within: .seconds(2))
            group.cancelAll()
            return outcome
        }
        mailbox.finish()
        return result
    }

    /// Everything from the first create to the moment the pod should end.
    private func drive(
        inbox: AsyncStream<Message>, mailbox: AsyncStream<Message>.Continuation,
        table: inout ContainerTable, scheduler: inout PodScheduler, group: inout TaskGroup<Void>
    ) async throws -> PodOutcome {
        var messages = inbox.makeAsyncIterator()
        // Nothing is created until every image is there. A stop request cancels
        // the pulls, and between the phases of start-up nothing more is created.
        let puller = ImagePuller(engine: engine, logger: logger, credentials: credentials)
        let (plan, alwaysPull) = (plan, pod.options.alwaysPull)
        do {
            try await cancelWhenGracefulShutdown { try await puller.ensureImages(for: plan, alwaysPull: alwaysPull) }
        } catch where Task.isShuttingDownGracefully {
            return .stopped
        }
        if Task.isShuttingDownGracefully { return .stopped }

        // The engine wants the IPC holder to exist before a component names its IPC
        // namespace, but running only when one starts: it starts while the
        // components are created.
        table.holder = try await createHolder()
        var firstError: (any Error)?
        let holder = table.holder
        async let holderStarted: Void = startHolder(holder)
        do {
            // Init components run first, alone; the others are created after them.
            if plan.initComponents.isEmpty { try await createRegularComponents(in: &table) }
        } catch {
            firstError = error
        }
        do { try await holderStarted } catch { firstError = firstError ?? error }
        if let firstError { throw firstError }

        for component in plan.initComponents {
            if Task.isShuttingDownGracefully { return .stopped }
            let id = try await create(component, in: &table)
            try await forwardLogs(component, id: id, group: &group)
            try await start(component.name, id: id)
            await status.started(component.name)
            guard let code = try await nextExit(of: component.name, id: id, messages: &messages, table: &table) else { return .stopped }
            await status.exited(component.name, code: code)
            table.forget(component.name)
            guard code == 0 else {
                return PodOutcome(exitCode: code, reason: "init component \"\(component.name)\" exited with \(code)")
            }
            logger.info("init component finished", metadata: ["component": "\(component.name)"])
        }

        if !plan.initComponents.isEmpty, !Task.isShuttingDownGracefully { try await createRegularComponents(in: &table) }
        if Task.isShuttingDownGracefully { return .stopped }
        if let end = try await carryOut(scheduler.initialActions(), table: &table, mailbox: mailbox, group: &group) { return end }

        while let message = await messages.next() {
            switch message {
            case .shutdown:
                return .stopped
            case .eventsEnded(let why):
                return .failed("lost the engine's event stream: \(why)")
            case .restartDue(let name):
                if let end = try await carryOut([.start(name)], table: &table, mailbox: mailbox, group: &group) { return end }
            case .engine(let event):
                guard let name = table.component(for: event.Actor.ID),
                      let update = try await schedulerEvent(for: event, component: name, table: &table)
                else { continue }
                await status.record(update)
                if case .exited = update { table.forget(name) }
                let actions = scheduler.handle(update)
                if let end = try await carryOut(actions, table: &table, mailbox: mailbox, group: &group, exited: event.Actor.ID) { return end }
            }
        }
        return .stopped
    }

    /// The holder's ID, or nil when the pod needs none.
    private func createHolder() async throws -> String? {
        guard let ipcHolder else { return nil }
        do {
            return try await engine.createContainer(ipcHolder, name: IpcHolder.containerName(for: pod), platform: nil).id
        } catch {
            throw PodFailure("the IPC holder could not be created: \(error)")
        }
    }

    private func startHolder(_ id: String?) async throws {
        guard let id else { return }
        try await start("IPC holder", id: id)
    }

    /// Creates every regular component concurrently. Each success is recorded
    /// even when another create fails, so cleanup finds it.
    private func createRegularComponents(in table: inout ContainerTable) async throws {
        let results = await withTaskGroup(of: CreateResult.self) { group in
            for component in plan.regularComponents {
                group.addTask {
                    do {
                        return CreateResult(name: component.name, outcome: .success(try await createContainer(component)))
                    } catch {
                        return CreateResult(name: component.name, outcome: .failure(error))
                    }
                }
            }
            var results: [CreateResult] = []
            for await result in group { results.append(result) }
            return results
        }
        var firstError: (any Error)?
        for result in results {
            switch result.outcome {
            case .success(let id): table.record(result.name, id: id)
            case .failure(let error):
                table.createFailed = true
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
    }

    private func create(_ component: PodPlan.Component, in table: inout ContainerTable) async throws -> String {
        let id: String
        do {
            id = try await createContainer(component)
        } catch {
            table.createFailed = true
            throw error
        }
        table.record(component.name, id: id)
        return id
    }

    /// Creates the component and unpacks its `pod.copy` archive into it.
    private func createContainer(_ component: PodPlan.Component) async throws -> String {
        let created: CreatedContainer
        do {
            created = try await engine.createContainer(
                component.spec.request, name: component.spec.containerName, platform: component.spec.lifecycle.platform)
        } catch {
            throw PodFailure("component \"\(component.name)\": \(error)")
        }
        for warning in created.warnings {
            logger.warning("engine warning: \(warning)", metadata: ["component": "\(component.name)"])
        }
        do {
            if let archive = copies[component.name] { try await CopyUploader(engine: engine).upload(archive, into: created.id, component: component.name) }
        } catch {
            // Not yet in the container table, and AutoRemove only acts once it has run.
            _ = try? await engine.removeContainer(created.id, force: true, volumes: true)
            throw error
        }
        await status.created(component.name, id: created.id)
        return created.id
    }

    private func start(_ name: String, id: String) async throws {
        do {
            try await engine.startContainer(id)
        } catch {
            throw PodFailure("component \"\(name)\" could not start: \(error)")
        }
        logger.info("started", metadata: ["component": "\(name)"])
    }

    /// Carries out the scheduler's decisions: components that may start now
    /// start together; a restart waits out its backoff in a child task.
    private func carryOut(
        _ actions: [PodScheduler.Action], table: inout ContainerTable,
        mailbox: AsyncStream<Message>.Continuation, group: inout TaskGroup<Void>, exited: String? = nil
    ) async throws -> PodOutcome? {
        var starting: [(name: String, id: String)] = []
        for action in actions {
            switch action {
            case .end(let outcome):
                return outcome
            case .start(let name):
                guard let component = plan.components.first(where: { $0.name == name }) else { continue }
                // Restarted components were removed on exit and are created anew.
                let id: String
                if let existing = table.ids[name] { id = existing } else { id = try await create(component, in: &table) }
                try await forwardLogs(component, id: id, group: &group)
                starting.append((name, id))
            case .restart(let name, let attempt, let delay):
                logger.notice("restarting in \(delay)s (restart \(attempt))", metadata: ["component": "\(name)"])
                await status.restarted(name)
                group.addTask {
                    try? await Task.sleep(for: .seconds(delay))
                    // The new container takes the old one's name: let the engine's
                    // auto-removal of the exited one finish first.
                    if let exited { _ = try? await engine.waitContainer(exited, condition: .removed) }
                    mailbox.yield(.restartDue(name))
                }
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { starts in
            for (name, id) in starting {
                starts.addTask { try await start(name, id: id) }
            }
            try await starts.waitForAll()
        }
        return nil
    }

    /// What an engine event means for the scheduler.
    private func schedulerEvent(for event: EngineEvent, component: String, table: inout ContainerTable) async throws -> PodScheduler.Event? {
        switch event.Action {
        case "start":
            let health = try? await engine.inspectContainer(event.Actor.ID).State.Health
            return .started(component, hasHealthcheck: health != nil)
        case "die":
            let code = exitCode(of: event)
            logger.info("exited with \(code)", metadata: ["component": "\(component)"])
            explainKill(component, code: code, id: event.Actor.ID, table: table)
            return .exited(component, code: code)
        case "health_status: healthy":
            return .healthy(component)
        case "health_status: unhealthy":
            return .unhealthy(component)
        case "oom":
            reportOom(component, id: event.Actor.ID, table: &table)
            return nil
        default:
            return nil
        }
    }

    /// Waits for the `die` event of one init component; nil when the pod is told to stop.
    private func nextExit(
        of component: String, id: String, messages: inout AsyncStream<Message>.Iterator, table: inout ContainerTable
    ) async throws -> Int32? {
        while let message = await messages.next() {
            switch message {
            case .shutdown: return nil
            case .eventsEnded(let why): throw PodFailure("lost the engine's event stream: \(why)")
            case .restartDue: continue
            case .engine(let event):
                guard event.Actor.ID == id else { continue }
                switch event.Action {
                case "oom":
                    reportOom(component, id: id, table: &table)
                case "die":
                    let code = exitCode(of: event)
                    explainKill(component, code: code, id: id, table: table)
                    return code
                default:
                    continue
                }
            }
        }
        return nil
    }

    private func exitCode(of event: EngineEvent) -> Int32 {
        event.Actor.Attributes?["exitCode"].flatMap { Int32($0) } ?? PodOutcome.failureExitCode
    }

    private func memoryLimit(of component: String) -> Int64? {
        plan.components.first { $0.name == component }?.spec.request.HostConfig.Memory
    }

    private func reportOom(_ component: String, id: String, table: inout ContainerTable) {
        table.recordOom(id)
        logger.warning(
            "the kernel's OOM killer killed a process of this component\(memoryLimit(of: component).map { ", over its memory limit of \($0) bytes" } ?? "")",
            metadata: ["component": "\(component)"])
    }

    /// The engine reports an OOM kill only when the kernel's notice reaches it
    /// before the exit; after it, the container is already auto-removed and the
    /// notice is dropped. A SIGKILL that podlike did not send, to a component
    /// with a memory limit, is then still named for what it most likely is.
    private func explainKill(_ component: String, code: Int32, id: String, table: ContainerTable) {
        guard code == 137, !table.sawOom(id), let limit = memoryLimit(of: component), limit > 0 else { return }
        logger.warning(
            "the kernel's OOM killer most likely killed this component, over its memory limit of \(limit) bytes: it got SIGKILL (exit 137), which podlike did not send, and the engine's OOM notice came too late to name it",
            metadata: ["component": "\(component)"])
    }

    /// With `--logs`, attaches to the component's output before it starts, so
    /// not even a short-lived component's last line is lost.
    private func forwardLogs(_ component: PodPlan.Component, id: String, group: inout TaskGroup<Void>) async throws {
        guard pod.options.forwardLogs else { return }
        let lines = try await engine.attachOutput(id, tty: component.spec.request.Tty ?? false)
        forwarders.begin()
        group.addTask { [forwarders] in
            defer { forwarders.end() }
            await LogForwarder(logger: logger, output: lineWriter).forward(component: component.name, lines: lines)
        }
    }

    /// Stops dependents before their dependencies, each within its grace period,
    /// all within the controller's own; then removes every container, holder last.
    /// The names of the containers that may still exist.
    private func stopAll(_ table: ContainerTable) async -> [String] {
        let stopper = PodStopper(engine: engine, logger: logger, budget: stopGrace)
        let lifecycles = Dictionary(uniqueKeysWithValues: plan.components.map { ($0.name, $0.spec.lifecycle) })
        var left = await stopper.stop(table.ids, lifecycles: lifecycles)
        if let holder = table.holder, await !stopper.remove(holder, name: "IPC holder", grace: .seconds(1)) {
            left.append("IPC holder")
        }
        if table.createFailed { await removeUnrecorded(stopper) }
        return left
    }

    /// A create whose answer was lost (a dropped connection, an engine that failed
    /// after acting) leaves a container the table never heard of; the label that
    /// every container of this pod carries finds it. Only asked after a failed
    /// create, so an ordinary stop costs no extra engine call.
    private func removeUnrecorded(_ stopper: PodStopper) async {
        let label = "\(PodLabelling.controller)=\(pod.controllerID)"
        guard let left = try? await engine.listContainers(all: true, labels: [label]), !left.isEmpty else { return }
        await withTaskGroup(of: Void.self) { group in
            for container in left {
                let name = container.Labels?[PodLabelling.component] ?? container.Id
                logger.notice("removing a container of this pod that no create answered for", metadata: ["component": "\(name)"])
                group.addTask { await stopper.remove(container.Id, name: name, grace: .seconds(1)) }
            }
        }
    }
}

/// One component's create, as a task group child returns it.
struct CreateResult: Sendable {
    var name: String
    var outcome: Result<String, any Error>
}

/// A failure that already says which component and what went wrong.
struct PodFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
