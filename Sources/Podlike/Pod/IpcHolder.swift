/// Swarm starts task containers with a private IPC namespace, which no other
/// container may join. Then the pod's IPC namespace is held by a small container
/// of the controller's own image running `podlike pause`, and components join it.
public enum IpcHolder {
    public static let roleLabel = "io.podlike.role"

    /// Whether components can join the controller's own IPC namespace.
    public static func canJoin(ipcMode: String?) -> Bool {
        ipcMode == "shareable" || ipcMode == "host"
    }

    public static func containerName(for pod: PodContext) -> String {
        "\(pod.controllerName).podlike-ipc"
    }

    /// The holder's create body: shareable IPC, no network, the controller's PID
    /// namespace (so it dies with the controller) and cgroup.
    public static func request(image: String, entrypoint: [String]?, pod: PodContext) -> CreateContainerRequest {
        var request = CreateContainerRequest(Image: image)
        request.Entrypoint = entrypoint ?? ["/usr/local/bin/podlike"]
        request.Cmd = ["pause"]
        // The image's HEALTHCHECK asks the controller's socket, which the holder has not.
        request.Healthcheck = HealthConfig(Test: ["NONE"])
        request.Labels = [
            PodLabelling.controller: pod.controllerID,
            PodLabelling.pod: pod.controllerName,
            roleLabel: "ipc-holder",
        ]
        if let node = pod.nodeID { request.Labels?[PodLabelling.node] = node }
        request.HostConfig.IpcMode = "shareable"
        request.HostConfig.NetworkMode = "none"
        request.HostConfig.AutoRemove = true
        if pod.options.sharePids { request.HostConfig.PidMode = "container:\(pod.controllerID)" }
        switch pod.cgroup {
        case .nested(let parent): request.HostConfig.CgroupParent = parent
        case .siblings(let parent): request.HostConfig.CgroupParent = parent
        }
        return request
    }
}
