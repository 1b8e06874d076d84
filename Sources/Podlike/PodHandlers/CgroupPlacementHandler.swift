/// Places components in the controller's cgroup, whose limits then bound the
/// whole pod; where that can't be done (cgroup v2, the systemd driver) they sit
/// next to it, in its parent, and the plan divides its limits among them.
public struct CgroupPlacementHandler: PodSettingHandler {
    public let name = "cgroup"
    public let summary = "nests components in the controller's cgroup, or next to it with the pod's limits divided among them"

    public let appliesToIpcHolder = true
    public let examples = [
        PodHandlerExample("cgroup v1 with cgroupfs", .request(#"{"HostConfig": {"CgroupParent": "/docker/ctrl"}}"#)),
        PodHandlerExample("cgroup v2, a controller with no parent of its own", pod: .example { $0.cgroup = .siblings(parent: nil) },
                          .request(#"{"HostConfig": {"CgroupParent": null}}"#)),
        PodHandlerExample("the systemd driver, a controller in pods.slice", pod: .example { $0.cgroup = .siblings(parent: "pods.slice") },
                          .request(#"{"HostConfig": {"CgroupParent": "pods.slice"}}"#)),
        PodHandlerExample("the IPC holder", pod: .example { $0.ipcHolder = .init(image: "podlike", entrypoint: nil) }, role: .ipcHolder,
                          .request(#"{"HostConfig": {"CgroupParent": "/docker/ctrl"}}"#)),
    ]

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
