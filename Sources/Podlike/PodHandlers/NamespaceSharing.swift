/// Components join the controller's network namespace always, its PID namespace
/// unless `--no-pids`, and the pod's IPC namespace (the controller's, or the
/// holder's) unless `--no-ipc`.
public struct NamespaceSharing: PodSettingHandler {
    public let name = "namespaces"
    public let summary = "joins the controller's network, PID (unless --no-pids) and IPC (unless --no-ipc) namespaces"

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        spec.request.HostConfig.NetworkMode = "container:\(pod.controllerID)"
        if pod.options.sharePids {
            spec.request.HostConfig.PidMode = "container:\(pod.controllerID)"
        }
        if pod.options.shareIpc {
            spec.request.HostConfig.IpcMode = "container:\(pod.ipcTarget)"
        }
    }
}
