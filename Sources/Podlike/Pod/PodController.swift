#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import ServiceLifecycle

/// Runs one prepared pod on the engine, by phase: start-up (images, the IPC
/// holder, creates), init components one by one, then every other component as
/// its dependencies allow, driven by the engine's event stream. It ends when a
/// component ends the pod or on graceful shutdown (SIGTERM/SIGINT), and then
/// stops and removes every container it created.
public struct PodController: Service, CustomStringConvertible {
    public let engine: EngineClient
    /// The validated plan, with the pod context applied.
    public let plan: PodPlan
    public let pod: PodContext
    /// The controller's own stop grace period: the whole pod stops within it.
    public let stopGrace: Duration
    public let credentials: RegistryCredentials
    /// What `podlike status` and `podlike healthcheck` read.
    public let status: PodStatusBoard
    public let outcome: OutcomeBox
    public let logger: Logger
    /// Each component's `pod.copy` files, read before anything was created.
    let copies: [String: [UInt8]]
    let lineWriter: LineWriter
    let forwarders = ForwarderTracker()

    public init(engine: EngineClient, prepared: PreparedPod, status: PodStatusBoard, outcome: OutcomeBox, logger: Logger) {
        self.engine = engine
        self.plan = prepared.plan
        self.pod = prepared.pod
        self.stopGrace = prepared.stopGrace
        self.credentials = prepared.credentials
        self.copies = prepared.copies
        self.status = status
        self.outcome = outcome
        self.logger = logger
        self.lineWriter = LineWriter(componentNames: prepared.plan.components.map(\.name))
    }

    public var description: String { "PodController(\(pod.controllerName))" }

    public func run() async throws {
        outcome.store(await runPod())
    }

    func runPod() async -> PodOutcome {
        let (inbox, mailbox) = AsyncStream<PodRunState.Message>.makeStream()
        let result = await withTaskGroup(of: Void.self, returning: PodOutcome.self) { group in
            var state = PodRunState(plan: plan, inbox: inbox, mailbox: mailbox, group: group)
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
                    try await drive(&state)
                } onGracefulShutdown: {
                    mailbox.yield(.shutdown)
                }
            } catch {
                outcome = .failed(PodFailure(error))
            }
            logger.info("pod ending: \(outcome)")
            let left = await stopAll(state.table)
            if !left.isEmpty, outcome.exitCode == 0 {
                // Stopped as asked, but not cleanly: say so with the exit code.
                outcome = .failed(PodFailure(.engine, "the engine stopped answering while the pod stopped, so \(left.map { "\"\($0)\"" }.joined(separator: ", ")) may be left; the next controller on this node, or podlike reap, removes what is"))
            }
            await forwarders.drained(within: .seconds(2))
            group.cancelAll()
            return outcome
        }
        mailbox.finish()
        return result
    }

    /// Everything from the first create to the moment the pod should end.
    private func drive(_ state: inout PodRunState) async throws -> PodOutcome {
        if let stopped = try await startUp(&state) { return stopped }
        if let end = try await runInitComponents(&state) { return end }
        if !plan.initComponents.isEmpty, !Task.isShuttingDownGracefully { try await createRegularComponents(&state) }
        if Task.isShuttingDownGracefully { return .stopped }
        return try await runEventLoop(&state)
    }
}
