/// Swarm starts task containers with a private IPC namespace, which no other
/// container may join. Then the pod's IPC namespace is held by a small container
/// of the controller's own image running `podlike pause`, and components join it.
/// Its labels, auto-removal, PID namespace, cgroup and name come from the
/// pod-level handlers that say they apply to it, as a component's do.
public enum IpcHolder {
    public static let roleLabel = "io.podlike.role"
    public static let roleValue = "ipc-holder"

    /// What the holder runs: the controller's image and entrypoint.
    public struct Source: Sendable, Equatable {
        public var image: String
        public var entrypoint: [String]?

        public init(image: String, entrypoint: [String]?) {
            self.image = image
            self.entrypoint = entrypoint
        }
    }

    /// Whether components can join the controller's own IPC namespace.
    public static func canJoin(ipcMode: String?) -> Bool {
        ipcMode == "shareable" || ipcMode == "host"
    }

    /// The holder's own part of its create body, before the pod-level handlers:
    /// `podlike pause` and a shareable IPC namespace. Its network is the
    /// controller's, from the pod-level handlers.
    public static func baseSpec(_ source: Source) -> ComponentSpec {
        var request = CreateContainerRequest(Image: source.image)
        request.Entrypoint = source.entrypoint ?? ["/usr/local/bin/podlike"]
        request.Cmd = ["pause"]
        // The image's HEALTHCHECK asks the controller's socket, which the holder has not.
        request.Healthcheck = HealthConfig(Test: ["NONE"])
        request.HostConfig.IpcMode = "shareable"
        return ComponentSpec(name: "IPC holder", role: .ipcHolder, request: request)
    }
}
