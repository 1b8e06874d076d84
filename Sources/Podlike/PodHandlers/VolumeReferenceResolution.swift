/// Points a component's named volumes (`data:/x`, `{type: volume, source: data}`)
/// at the pod's own volume, as `VolumeReferences` resolves them.
public struct VolumeReferenceResolution: PodSettingHandler {
    public let name = "volume references"
    public let summary = "resolves a component's named volume to the pod's own (volume-ref label, stack namespace, Compose volume label)"

    public let examples = [
        PodHandlerExample("a stack whose controller mounts st_data", pod: .example {
            $0.volumeReferences = VolumeReferences(controllerVolumes: [VolumeSummary(Name: "st_data")], stackNamespace: "st")
        }, settings: "volumes: [data:/x]", .request(#"{"HostConfig": {"Binds": ["st_data:/x"]}}"#)),
        PodHandlerExample("no volume of the pod by that name", settings: "volumes: [data:/x]", .request(#"{"HostConfig": {"Binds": ["data:/x"]}}"#)),
        PodHandlerExample("a host path is never a reference", pod: .example {
            $0.volumeReferences = VolumeReferences(controllerVolumes: [VolumeSummary(Name: "st_data")], stackNamespace: "st")
        }, settings: "volumes: [/data:/x]", .request(#"{"HostConfig": {"Binds": ["/data:/x"]}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        guard !pod.volumeReferences.names.isEmpty else { return }
        if let binds = spec.request.HostConfig.Binds {
            spec.request.HostConfig.Binds = binds.map { bind in
                let source = bind.prefix { $0 != ":" }
                guard source.count < bind.count, let first = source.first, !"/.~".contains(first) else { return bind }
                return pod.volumeReferences.resolve(String(source)) + bind.dropFirst(source.count)
            }
        }
        if let mounts = spec.request.HostConfig.Mounts {
            spec.request.HostConfig.Mounts = mounts.map { mount in
                guard mount.Type == "volume", let source = mount.Source, !source.isEmpty else { return mount }
                var resolved = mount
                resolved.Source = pod.volumeReferences.resolve(source)
                return resolved
            }
        }
    }
}
