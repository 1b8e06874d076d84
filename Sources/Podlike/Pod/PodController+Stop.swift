/// The stop phase: every container the run created is stopped and removed.
extension PodController {
    /// Stops dependents before their dependencies, each within its grace period,
    /// all within the controller's own; then removes every container, holder last.
    /// The names of the containers that may still exist.
    func stopAll(_ table: ContainerTable) async -> [String] {
        let stopper = PodStopper(engine: engine, logger: logger, budget: stopGrace)
        let lifecycles = Dictionary(uniqueKeysWithValues: plan.components.map { ($0.name, $0.spec.lifecycle) })
        var left = await stopper.stop(table.ids, lifecycles: lifecycles)
        if let holder = table.holder, let name = plan.ipcHolder?.name, await !stopper.remove(holder, name: name, grace: .seconds(1)) {
            left.append(name)
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
