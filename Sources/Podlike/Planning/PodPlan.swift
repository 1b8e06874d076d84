/// A validated pod: every component's spec, before the pod context is applied.
public struct PodPlan: Sendable {
    public struct Component: Sendable, Equatable {
        public var name: String
        public var isInit: Bool
        public var spec: ComponentSpec
        public var copies: [CopyInstruction]
    }

    /// Init components first, in their order, then the others sorted by name.
    public var components: [Component]
    public var warnings: [String]

    public var initComponents: [Component] { components.filter(\.isInit) }
    public var regularComponents: [Component] { components.filter { !$0.isInit } }

    /// The plan with every pod-level handler applied to every component, and the
    /// pod's limits divided among them where the host can't nest them.
    public func applying(_ pod: PodContext, registry: HandlerRegistry) throws(PodValidationFailure) -> PodPlan {
        var plan = self
        for index in plan.components.indices {
            var spec = plan.components[index].spec
            spec.warnings = []
            for handler in registry.podHandlers {
                handler.apply(to: &spec, pod: pod)
            }
            plan.warnings += spec.warnings.map { "component \"\(spec.name)\": \($0)" }
            plan.components[index].spec = spec
        }
        if pod.cgroup.limitMode == .distributed {
            let errors = LimitDistribution.apply(to: &plan.components, requested: components, pod: pod)
            guard errors.isEmpty else { throw PodValidationFailure(errors) }
        }
        plan.warnings += ReservationCheck.warnings(for: plan.components, pod: pod)
        return plan
    }
}
