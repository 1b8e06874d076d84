/// Init components: each is created, started and waited for alone, in order; a
/// non-zero exit ends the pod with that code before any other component is created.
extension PodController {
    /// The pod's end when an init component ended it or a stop request came; nil to go on.
    func runInitComponents(_ state: inout PodRunState) async throws -> PodOutcome? {
        for component in plan.initComponents {
            if Task.isShuttingDownGracefully { return .stopped }
            let id = try await create(component, in: &state.table)
            try await forwardLogs(component, id: id, state: &state)
            try await start(component.name, id: id)
            await status.started(component.name)
            guard let code = try await nextExit(of: component.name, id: id, state: &state) else { return .stopped }
            await status.exited(component.name, code: code)
            state.table.forget(component.name)
            guard code == 0 else {
                return PodOutcome(exitCode: code, reason: "init component \"\(component.name)\" exited with \(code)")
            }
            logger.info("init component finished", metadata: ["component": "\(component.name)"])
        }
        return nil
    }

    /// Waits for the `die` event of one init component; nil when the pod is told to stop.
    private func nextExit(of component: String, id: String, state: inout PodRunState) async throws -> Int32? {
        while let message = await state.messages.next() {
            switch message {
            case .shutdown: return nil
            case .eventsEnded(let why): throw PodFailure(.eventStream, "lost the engine's event stream: \(why)")
            case .restartDue: continue
            case .engine(let event):
                guard event.Actor.ID == id else { continue }
                switch event.Action {
                case "oom":
                    reportOom(component, id: id, table: &state.table)
                case "die":
                    let code = exitCode(of: event)
                    explainKill(component, code: code, id: id, table: state.table)
                    return code
                default:
                    continue
                }
            }
        }
        return nil
    }
}
