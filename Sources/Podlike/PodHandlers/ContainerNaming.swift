/// Names each component's container after its pod: `<controller>.podlike.<component>`.
public struct ContainerNaming: PodSettingHandler {
    public let name = "naming"
    public let summary = "names each container <controller name>.podlike.<component>"

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        spec.containerName = pod.componentContainerName(spec.name)
    }
}
