/// Components, and the IPC holder, join the controller's PID namespace unless
/// `--no-pids`: signals cross the pod, and the controller is its PID 1.
public struct PidSharing: PodSettingHandler {
    public let name = "pid"
    public let summary = "joins the controller's PID namespace (unless --no-pids)"
    public let appliesToIpcHolder = true
    public let examples = [
        PodHandlerExample("default flags", .request(#"{"HostConfig": {"PidMode": "container:ctrl"}}"#)),
        PodHandlerExample("--no-pids", pod: .example { $0.options.sharePids = false }, .request(#"{"HostConfig": {"PidMode": null}}"#)),
        PodHandlerExample("the IPC holder", pod: .example { $0.ipcHolder = .init(image: "podlike", entrypoint: nil) }, role: .ipcHolder,
                          .request(#"{"HostConfig": {"PidMode": "container:ctrl"}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        if pod.options.sharePids {
            spec.request.HostConfig.PidMode = "container:\(pod.controllerID)"
        }
    }
}
