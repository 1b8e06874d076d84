/// Places components in the controller's cgroup, whose limits then bound the
/// whole pod; where that can't be done (cgroup v2, the systemd driver) they sit
/// next to it, in its parent, and the plan divides its limits among them.
public struct CgroupPlacementHandler: PodSettingHandler {
    public let name = "cgroup"
    public let summary = "nests components in the controller's cgroup, or next to it with the pod's limits divided among them"

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        switch pod.cgroup {
        case .nested(let parent):
            spec.request.HostConfig.CgroupParent = parent
        case .siblings(let parent):
            if let parent { spec.request.HostConfig.CgroupParent = parent }
        }
    }
}
