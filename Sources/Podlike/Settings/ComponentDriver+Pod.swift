extension ComponentDriver {
    /// The plan with every pod-level handler applied to every component, the IPC
    /// holder's spec made by the handlers that apply to it, and the pod's limits
    /// divided among the components where the host can't nest them.
    public func applying(_ pod: PodContext, to validated: PodPlan) throws(PodValidationFailure) -> PodPlan {
        var plan = validated
        for index in plan.components.indices {
            var spec = plan.components[index].spec
            spec.warnings = []
            for handler in registry.podHandlers {
                handler.apply(to: &spec, pod: pod)
            }
            plan.warnings += spec.warnings.map { "component \"\(spec.name)\": \($0)" }
            plan.components[index].spec = spec
        }
        plan.ipcHolder = pod.ipcHolder.map { source in
            var holder = IpcHolder.baseSpec(source)
            for handler in registry.podHandlers where handler.appliesToIpcHolder {
                handler.apply(to: &holder, pod: pod)
            }
            return holder
        }
        if pod.cgroup.limitMode == .distributed {
            let errors = LimitDistribution.apply(to: &plan.components, requested: validated.components, pod: pod)
            guard errors.isEmpty else { throw PodValidationFailure(errors) }
        }
        plan.warnings += ReservationCheck.warnings(for: plan.components, pod: pod)
        return plan
    }
}
