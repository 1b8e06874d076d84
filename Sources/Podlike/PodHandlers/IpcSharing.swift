/// Components join the pod's IPC namespace unless `--no-ipc`: the controller's
/// when it can be joined, else the IPC holder's.
public struct IpcSharing: PodSettingHandler {
    public let name = "ipc"
    public let summary = "joins the pod's IPC namespace, the controller's or its holder's (unless --no-ipc)"
    public let examples = [
        PodHandlerExample("a controller whose IPC can be joined", .request(#"{"HostConfig": {"IpcMode": "container:ctrl"}}"#)),
        PodHandlerExample("a private controller IPC (a Swarm task)", pod: .example { $0.ipcHolder = .init(image: "podlike", entrypoint: nil) },
                          .request(#"{"HostConfig": {"IpcMode": "container:web.1.podlike-ipc"}}"#)),
        PodHandlerExample("--no-ipc", pod: .example { $0.options.shareIpc = false }, .request(#"{"HostConfig": {"IpcMode": null}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        if pod.options.shareIpc {
            spec.request.HostConfig.IpcMode = "container:\(pod.ipcTarget)"
        }
    }
}
