/// What a component's exit means: its code, and whether the kernel's OOM killer
/// is the likely reason.
extension PodController {
    /// The `die` event's exit code; an event without one counts as podlike's failure.
    func exitCode(of event: EngineEvent) -> Int32 {
        event.Actor.Attributes?["exitCode"].flatMap { Int32($0) } ?? PodFailure.Code.engine.exitCode
    }

    private func memoryLimit(of component: String) -> Int64? {
        plan.components.first { $0.name == component }?.spec.request.HostConfig.Memory
    }

    func reportOom(_ component: String, id: String, table: inout ContainerTable) {
        table.recordOom(id)
        logger.warning(
            "the kernel's OOM killer killed a process of this component\(memoryLimit(of: component).map { ", over its memory limit of \($0) bytes" } ?? "")",
            metadata: ["component": "\(component)"])
    }

    /// The engine reports an OOM kill only when the kernel's notice reaches it
    /// before the exit; after it, the container is already auto-removed and the
    /// notice is dropped. A SIGKILL that podlike did not send, to a component
    /// with a memory limit, is then still named for what it most likely is.
    func explainKill(_ component: String, code: Int32, id: String, table: ContainerTable) {
        guard code == 137, !table.sawOom(id), let limit = memoryLimit(of: component), limit > 0 else { return }
        logger.warning(
            "the kernel's OOM killer most likely killed this component, over its memory limit of \(limit) bytes: it got SIGKILL (exit 137), which podlike did not send, and the engine's OOM notice came too late to name it",
            metadata: ["component": "\(component)"])
    }
}
