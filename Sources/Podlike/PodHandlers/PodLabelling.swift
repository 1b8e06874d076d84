/// Labels that tie a component to its controller, so `podlike reap` and the
/// controller itself can find components whose pod is gone.
public struct PodLabelling: PodSettingHandler {
    public static let controller = "io.podlike.controller"
    public static let component = "io.podlike.component"
    public static let pod = "io.podlike.pod"
    public static let node = "io.podlike.node"

    public let name = "labels"
    public let summary = "labels each container with io.podlike.controller, io.podlike.component and io.podlike.pod"

    public let appliesToIpcHolder = true
    public let examples = [
        PodHandlerExample("a controller named web.1", .request(
            #"{"Labels": {"io.podlike.controller": "ctrl", "io.podlike.component": "app", "io.podlike.pod": "web.1"}}"#)),
        PodHandlerExample("on a Swarm node", pod: .example { $0.nodeID = "node1" }, .request(#"{"Labels": {"io.podlike.node": "node1"}}"#)),
        PodHandlerExample("the component's own labels are kept", settings: "labels: {tier: web}", .request(#"{"Labels": {"tier": "web", "io.podlike.pod": "web.1"}}"#)),
        PodHandlerExample("the IPC holder", pod: .example { $0.ipcHolder = .init(image: "podlike", entrypoint: nil) }, role: .ipcHolder,
                          .request(#"{"Labels": {"io.podlike.controller": "ctrl", "io.podlike.role": "ipc-holder", "io.podlike.component": null}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        var labels = spec.request.Labels ?? [:]
        labels[Self.controller] = pod.controllerID
        switch spec.role {
        case .component: labels[Self.component] = spec.name
        case .ipcHolder: labels[IpcHolder.roleLabel] = IpcHolder.roleValue
        }
        labels[Self.pod] = pod.controllerName
        if let node = pod.nodeID { labels[Self.node] = node }
        spec.request.Labels = labels
    }
}
