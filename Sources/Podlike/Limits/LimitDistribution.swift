/// Where components can't nest under a cgroup that carries the pod's limits
/// (cgroup v2, the systemd driver), the controller's memory and CPU limits are
/// divided among the regular components, so that together they never get more
/// than the pod has:
/// - a component's own limit is kept; together they may not exceed the pod's;
/// - the rest is split among the others by `mem_reservation` (never below it)
///   and by `cpu_shares`, equally where none is given.
///
/// Init components run one at a time before the others, so each gets the whole
/// pod's limit unless it asked for less.
enum LimitDistribution {
    /// Every component's share of each resource, or the problems that prevent it.
    /// `requested` is the plan before the pod-level handlers, whose memory cap
    /// would otherwise hide a limit larger than the pod's.
    static func apply(to components: inout [PodPlan.Component], requested: [PodPlan.Component], pod: PodContext) -> [ValidationError] {
        var errors: [ValidationError] = []
        for resource in [PodResource.memory, .cpu] {
            guard let limit = resource.podLimit(pod) else { continue }
            errors += distribute(resource, limit: limit, to: &components, requested: requested)
        }
        return errors
    }

    private static func distribute(
        _ resource: PodResource, limit: Int64, to components: inout [PodPlan.Component], requested: [PodPlan.Component]
    ) -> [ValidationError] {
        var errors: [ValidationError] = []
        for index in requested.indices where requested[index].isInit {
            let spec = requested[index].spec
            guard let own = resource.explicit(spec.request.HostConfig) else {
                resource.assign(&components[index].spec.request.HostConfig, limit)
                continue
            }
            if own > limit {
                let origin = origin(of: spec, among: resource.keys)
                errors.append(ValidationError(
                    component: spec.name, key: origin.key, line: origin.line,
                    message: "a \(resource.name) limit of \(resource.format(own)) is more than the pod's \(resource.format(limit)); "
                        + "lower it, or raise \(resource.serviceSetting) on the service"))
            }
        }
        let regular = requested.indices.filter { !requested[$0].isInit }
        let explicit = regular.filter { resource.explicit(requested[$0].spec.request.HostConfig) != nil }
        let claimed = explicit.reduce(Int64(0)) { $0 + resource.explicit(requested[$1].spec.request.HostConfig)! }
        guard claimed <= limit else {
            let each = explicit.map { index in
                let spec = requested[index].spec
                let origin = origin(of: spec, among: resource.keys)
                let position = origin.line.map { "\(origin.key), line \($0)" } ?? origin.key
                return "\"\(spec.name)\" \(resource.format(resource.explicit(spec.request.HostConfig)!)) (\(position))"
            }
            return errors + [ValidationError(message:
                "the components' own \(resource.name) limits add up to \(resource.format(claimed)), more than the pod's "
                    + "\(resource.format(limit)): \(each.joined(separator: ", ")); lower them, or raise the controller's "
                    + "\(resource.name) limit (\(resource.serviceSetting) on the service)")]
        }

        let open = regular.filter { !explicit.contains($0) }
        guard !open.isEmpty else { return errors }
        let given = open.compactMap { resource.weight(requested[$0].spec.request.HostConfig) }
        let claims = open.map { index in
            let weight = resource.weight(requested[index].spec.request.HostConfig)
            let floor = resource.weightIsFloor ? max(weight ?? 0, resource.minimum) : resource.minimum
            return WeightedSplit.Claim(weight: weight ?? resource.defaultWeight(given), floor: floor)
        }
        let left = limit - claimed
        guard let shares = WeightedSplit.split(left, among: claims, unit: resource.unit) else {
            let names = open.map { "\"\(requested[$0].name)\"" }.joined(separator: ", ")
            let needed = claims.reduce(Int64(0)) { $0 + $1.floor }
            let why = resource.weightIsFloor ? "their mem_reservation, or the engine's minimum of \(resource.format(resource.minimum)) each" : "the engine's minimum of \(resource.format(resource.minimum)) each"
            return errors + [ValidationError(message:
                "\(resource.format(left)) of the pod's \(resource.format(limit)) of \(resource.name) is left for \(names), "
                    + "which need at least \(resource.format(needed)) (\(why)); give them less, lower the other components' "
                    + "limits, or raise \(resource.serviceSetting) on the service")]
        }
        for (index, share) in zip(open, shares) {
            resource.assign(&components[index].spec.request.HostConfig, share)
        }
        return errors
    }

    /// The key that set a component's limit, and its line.
    private static func origin(of spec: ComponentSpec, among keys: [String]) -> (key: String, line: Int?) {
        let key = keys.first { spec.keyLines[$0] != nil } ?? keys[0]
        return (key, spec.keyLines[key])
    }
}
