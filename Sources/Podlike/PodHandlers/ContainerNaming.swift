/// Names each container after its pod: `<controller>.podlike.<component>`, and
/// the IPC holder `<controller>.podlike-ipc`, as `PodContext` spells them.
public struct ContainerNaming: PodSettingHandler {
    public let name = "naming"
    public let summary = "names each container <controller name>.podlike.<component>, the IPC holder <controller name>.podlike-ipc"
    public let appliesToIpcHolder = true
    public let examples = [
        PodHandlerExample("a controller named web.1", .containerName("web.1.podlike.app")),
        PodHandlerExample("the IPC holder", pod: .example { $0.ipcHolder = .init(image: "podlike", entrypoint: nil) }, role: .ipcHolder,
                          .containerName("web.1.podlike-ipc")),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        switch spec.role {
        case .component: spec.containerName = pod.componentContainerName(spec.name)
        case .ipcHolder: spec.containerName = pod.ipcHolderName
        }
    }
}
