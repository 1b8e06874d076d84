/// Nests components under the controller's cgroup, so the controller's limits
/// bound the whole pod. Where that can't be done (cgroup v2), components sit next
/// to it and get its memory and CPU limits as caps.
public struct CgroupPlacementHandler: PodSettingHandler {
    public let name = "cgroup"
    public let summary = "places components in the controller's cgroup, or next to it with its limits as caps on cgroup v2"

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        switch pod.cgroup {
        case .nested(let parent):
            spec.request.HostConfig.CgroupParent = parent
        case .siblings(let parent):
            if let parent { spec.request.HostConfig.CgroupParent = parent }
            let host = spec.request.HostConfig
            if host.NanoCpus == nil, host.CpuQuota == nil {
                if let cpus = pod.nanoCpus {
                    spec.request.HostConfig.NanoCpus = cpus
                } else if let quota = pod.cpuQuota {
                    spec.request.HostConfig.CpuQuota = quota
                    spec.request.HostConfig.CpuPeriod = pod.cpuPeriod
                }
            }
            if host.Memory == nil, let memory = pod.memoryLimit {
                spec.request.HostConfig.Memory = memory
            }
        }
    }
}
