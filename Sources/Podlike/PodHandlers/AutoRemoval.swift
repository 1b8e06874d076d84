/// Components are removed by the engine as soon as they stop, so a pod that ends
/// abruptly leaves no stopped containers behind.
public struct AutoRemoval: PodSettingHandler {
    public let name = "auto-remove"
    public let summary = "sets AutoRemove, so the engine removes a component as soon as it stops"

    public let appliesToIpcHolder = true
    public let examples = [
        PodHandlerExample("any pod", .request(#"{"HostConfig": {"AutoRemove": true}}"#)),
        PodHandlerExample("a component that restarts", settings: "restart: always", .request(#"{"HostConfig": {"AutoRemove": true}}"#)),
        PodHandlerExample("the IPC holder", pod: .example { $0.ipcHolder = .init(image: "podlike", entrypoint: nil) }, role: .ipcHolder,
                          .request(#"{"HostConfig": {"AutoRemove": true}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        spec.request.HostConfig.AutoRemove = true
    }
}
