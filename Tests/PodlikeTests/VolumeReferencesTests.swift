import Podlike
import Testing

/// A component's `data:/x` means the pod's own volume, as the original podlike resolved it.
struct VolumeReferencesTests {
    func volume(_ name: String, _ labels: [String: String] = [:]) -> VolumeSummary {
        VolumeSummary(Name: name, Labels: labels)
    }

    @Test("a controller volume's volume-ref label, its stack prefix, then its Compose volume label name it, in that order")
    func rules() {
        let references = VolumeReferences(controllerVolumes: [
            volume("task-1-data", [VolumeReferences.referenceLabel: "data"]),
            volume("web_cache", [VolumeReferences.stackNamespaceLabel: "web"]),
            volume("proj_logs", [VolumeReferences.composeVolumeLabel: "logs"]),
            volume("web_conf", [VolumeReferences.referenceLabel: "config", VolumeReferences.composeVolumeLabel: "conf"]),
            volume("unrelated"),
        ], stackNamespace: nil)
        #expect(references.names == ["data": "task-1-data", "cache": "web_cache", "logs": "proj_logs", "config": "web_conf"])
        #expect(references.resolve("data") == "task-1-data")
        #expect(references.resolve("unrelated") == "unrelated")
        #expect(references.resolve("other") == "other")
    }

    @Test("inside a stack the controller's namespace strips the prefix, and the stack's other volumes on the node answer too")
    func stack() {
        let references = VolumeReferences(
            controllerVolumes: [volume("shop_data")], stackNamespace: "shop",
            stackVolumes: [volume("shop_data"), volume("shop_uploads"), volume("other_x")])
        #expect(references.resolve("data") == "shop_data")
        #expect(references.resolve("uploads") == "shop_uploads")
        #expect(references.resolve("x") == "x")
    }

    @Test("the first controller volume to claim a name keeps it")
    func firstWins() {
        let references = VolumeReferences(controllerVolumes: [
            volume("a", [VolumeReferences.referenceLabel: "data"]), volume("b", [VolumeReferences.referenceLabel: "data"]),
        ], stackNamespace: nil)
        #expect(references.resolve("data") == "a")
    }

    @Test("the pod points named volumes at what they resolve to, in both syntaxes, and leaves host paths alone")
    func handler() {
        var pod = PodContext(controllerID: "c", controllerName: "pod", cgroup: .siblings(parent: nil), options: PodOptions(shareVolumes: false))
        pod.volumeReferences = VolumeReferences(names: ["data": "shop_data", "logs": "task-logs"])
        var spec = ComponentSpec(name: "app")
        spec.request.HostConfig.Binds = ["data:/var/lib/app:ro", "/srv/data:/srv", "./data:/local", "other:/other"]
        spec.request.HostConfig.Mounts = [
            Mount(Type: "volume", Source: "logs", Target: "/logs"),
            Mount(Type: "bind", Source: "logs", Target: "/bound"),
        ]
        VolumeReferenceResolution().apply(to: &spec, pod: pod)
        #expect(spec.request.HostConfig.Binds == ["shop_data:/var/lib/app:ro", "/srv/data:/srv", "./data:/local", "other:/other"])
        #expect(spec.request.HostConfig.Mounts?.map(\.Source) == ["task-logs", "logs"])
    }
}
