/// Components join the controller's network namespace, always: that is what
/// makes `localhost` the pod's.
public struct NetworkSharing: PodSettingHandler {
    public let name = "network"
    public let summary = "joins the controller's network namespace"
    public let examples = [
        PodHandlerExample("default flags", .request(#"{"HostConfig": {"NetworkMode": "container:ctrl"}}"#)),
        PodHandlerExample("--no-pids --no-ipc", pod: .example { $0.options = PodOptions(sharePids: false, shareIpc: false) },
                          .request(#"{"HostConfig": {"NetworkMode": "container:ctrl"}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        spec.request.HostConfig.NetworkMode = "container:\(pod.controllerID)"
    }
}
