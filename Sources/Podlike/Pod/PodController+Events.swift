/// The running pod: engine events become the scheduler's events, and its
/// decisions (start, restart after a delay, end the pod) are carried out.
extension PodController {
    func runEventLoop(_ state: inout PodRunState) async throws -> PodOutcome {
        if let end = try await carryOut(state.scheduler.initialActions(), state: &state) { return end }
        while let message = await state.messages.next() {
            switch message {
            case .shutdown:
                return .stopped
            case .eventsEnded(let why):
                return .failed(PodFailure(.eventStream, "lost the engine's event stream: \(why)"))
            case .restartDue(let name):
                if let end = try await carryOut([.start(name)], state: &state) { return end }
            case .engine(let event):
                guard let name = state.table.component(for: event.Actor.ID),
                      let update = try await schedulerEvent(for: event, component: name, table: &state.table)
                else { continue }
                await status.record(update)
                if case .exited = update { state.table.forget(name) }
                let actions = state.scheduler.handle(update)
                if let end = try await carryOut(actions, state: &state, exited: event.Actor.ID) { return end }
            }
        }
        return .stopped
    }

    /// Carries out the scheduler's decisions: components that may start now
    /// start together; a restart waits out its backoff in a child task.
    private func carryOut(_ actions: [PodScheduler.Action], state: inout PodRunState, exited: String? = nil) async throws -> PodOutcome? {
        var starting: [(name: String, id: String)] = []
        for action in actions {
            switch action {
            case .end(let outcome):
                return outcome
            case .start(let name):
                guard let component = plan.components.first(where: { $0.name == name }) else { continue }
                // Restarted components were removed on exit and are created anew.
                let id: String
                if let existing = state.table.ids[name] { id = existing } else { id = try await create(component, in: &state.table) }
                try await forwardLogs(component, id: id, state: &state)
                starting.append((name, id))
            case .restart(let name, let attempt, let delay):
                logger.notice("restarting in \(delay)s (restart \(attempt))", metadata: ["component": "\(name)"])
                await status.restarted(name)
                let (engine, mailbox) = (engine, state.mailbox)
                state.group.addTask {
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
}
