/// Gives components the controller's volumes and bind mounts (unless
/// `--no-volumes`), never the engine socket, and never over a path the component
/// mounts itself.
public struct VolumeSharing: PodSettingHandler {
    public let name = "volumes"
    public let summary = "shares the controller's volumes and bind mounts, except the engine socket (unless --no-volumes)"

    public let examples = [
        PodHandlerExample("a controller with a volume and the engine socket", pod: .example {
            $0.mounts = [
                ControllerMount(Type: "volume", Name: "data", Source: "/var/lib/docker/volumes/data/_data", Destination: "/data"),
                ControllerMount(Type: "bind", Source: "/var/run/docker.sock", Destination: "/var/run/docker.sock"),
            ]
        }, .request(#"{"HostConfig": {"Mounts": [{"Type": "volume", "Source": "data", "Target": "/data"}]}}"#)),
        PodHandlerExample("a read-only bind mount stays read-only", pod: .example {
            $0.mounts = [ControllerMount(Type: "bind", Source: "/srv/config", Destination: "/config", RW: false)]
        }, .request(#"{"HostConfig": {"Mounts": [{"Type": "bind", "Source": "/srv/config", "Target": "/config", "ReadOnly": true}]}}"#)),
        PodHandlerExample("--no-volumes", pod: .example {
            $0.options.shareVolumes = false
            $0.mounts = [ControllerMount(Type: "volume", Name: "data", Source: "/v", Destination: "/data")]
        }, .request(#"{"HostConfig": {"Mounts": null}}"#)),
        PodHandlerExample("a component's own mount on the same path wins", pod: .example {
            $0.mounts = [ControllerMount(Type: "volume", Name: "data", Source: "/v", Destination: "/data")]
        }, settings: "volumes: [mine:/data]", .request(#"{"HostConfig": {"Binds": ["mine:/data"], "Mounts": null}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        guard pod.options.shareVolumes else { return }
        var taken = spec.request.mountTargets
        for mount in pod.mounts where !Self.isEngineSocket(mount) && !taken.contains(mount.Destination) {
            let shared: Mount
            switch mount.Type {
            case "volume":
                guard let name = mount.Name else { continue }
                shared = Mount(Type: "volume", Source: name, Target: mount.Destination, ReadOnly: mount.RW ? nil : true)
            case "bind":
                shared = Mount(Type: "bind", Source: mount.Source, Target: mount.Destination, ReadOnly: mount.RW ? nil : true)
            default:
                continue  // a tmpfs is private to the controller; a new one would share nothing
            }
            spec.request.HostConfig.Mounts = (spec.request.HostConfig.Mounts ?? []) + [shared]
            taken.insert(mount.Destination)
        }
    }

    /// The engine socket reaches only a component that mounts it itself.
    public static func isEngineSocket(_ mount: ControllerMount) -> Bool {
        [mount.Source, mount.Destination].contains { path in
            path.hasSuffix("/docker.sock") || path == "/var/run/docker.sock" || path == "/run/docker.sock"
        }
    }
}

extension CreateContainerRequest {
    /// Every path inside the container that already has something mounted on it.
    var mountTargets: Set<String> {
        var targets = Set<String>()
        for bind in HostConfig.Binds ?? [] {
            let parts = bind.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count >= 2 { targets.insert(String(parts[1])) }
        }
        for mount in HostConfig.Mounts ?? [] { targets.insert(mount.Target) }
        for path in HostConfig.Tmpfs?.keys ?? [:].keys { targets.insert(path) }
        for path in Volumes?.keys ?? [:].keys { targets.insert(path) }
        return targets
    }
}
