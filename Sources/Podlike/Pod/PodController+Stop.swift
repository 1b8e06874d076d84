/// The stop phase: every container the run created is stopped and removed.
extension PodController {
    /// Stops dependents before their dependencies, each within its grace period,
    /// all within the controller's own, and removes every container. The IPC holder
    /// goes meanwhile: the namespace lives on in the components' processes until
    /// they end, and waiting for them would only make the stop longer.
    /// The names of the containers that may still exist.
    func stopAll(_ table: ContainerTable) async -> [String] {
        let stopper = PodStopper(engine: engine, logger: logger, budget: stopGrace)
        let lifecycles = Dictionary(uniqueKeysWithValues: plan.components.map { ($0.name, $0.spec.lifecycle) })
        async let holderLeft = removeHolder(table.holder, stopper)
        var left = await stopper.stop(table.ids, lifecycles: lifecycles)
        left += await holderLeft
        if table.createFailed { await removeUnrecorded(stopper) }
        return left
    }

    /// The holder's name when it may still exist.
    private func removeHolder(_ id: String?, _ stopper: PodStopper) async -> [String] {
        guard let id, let name = plan.ipcHolder?.name else { return [] }
        return await stopper.remove(id, name: name, grace: .seconds(1)) ? [] : [name]
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
