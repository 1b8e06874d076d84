/// Components join the controller's network namespace, always: that is what
/// makes `localhost` the pod's. The IPC holder joins it too, because a namespace
/// of its own (even `none`) costs the engine about 100 ms at its start, which
/// every component's start waits for.
public struct NetworkSharing: PodSettingHandler {
    public let name = "network"
    public let summary = "joins the controller's network namespace"
    public let appliesToIpcHolder = true
    public let examples = [
        PodHandlerExample("default flags", .request(#"{"HostConfig": {"NetworkMode": "container:ctrl"}}"#)),
        PodHandlerExample("--no-pids --no-ipc", pod: .example { $0.options = PodOptions(sharePids: false, shareIpc: false) },
                          .request(#"{"HostConfig": {"NetworkMode": "container:ctrl"}}"#)),
        PodHandlerExample("the IPC holder", pod: .example { $0.ipcHolder = .init(image: "podlike", entrypoint: nil) }, role: .ipcHolder,
                          .request(#"{"HostConfig": {"NetworkMode": "container:ctrl"}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        spec.request.HostConfig.NetworkMode = "container:\(pod.controllerID)"
    }
}
