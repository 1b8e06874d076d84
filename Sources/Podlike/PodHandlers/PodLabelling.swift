/// Labels that tie a component to its controller, so `podlike reap` and the
/// controller itself can find components whose pod is gone.
public struct PodLabelling: PodSettingHandler {
    public static let controller = "io.podlike.controller"
    public static let component = "io.podlike.component"
    public static let pod = "io.podlike.pod"
    public static let node = "io.podlike.node"

    public let name = "labels"
    public let summary = "labels each container with io.podlike.controller, io.podlike.component and io.podlike.pod"

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        var labels = spec.request.Labels ?? [:]
        labels[Self.controller] = pod.controllerID
        labels[Self.component] = spec.name
        labels[Self.pod] = pod.controllerName
        if let node = pod.nodeID { labels[Self.node] = node }
        spec.request.Labels = labels
    }
}
