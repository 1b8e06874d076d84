import Drivers
import Podlike
import Testing

struct PodHandlerTests {
    let controller = String(repeating: "c", count: 64)

    func pod(_ options: PodOptions = .init(), mounts: [ControllerMount] = [], memory: Int64? = nil, holder: Bool = false, cgroup: CgroupPlacement? = nil) -> PodContext {
        PodContext(
            controllerID: controller, controllerName: "/web.1.abc", ipcHolder: holder ? IpcHolder.Source(image: "podlike", entrypoint: nil) : nil,
            cgroup: cgroup ?? .nested(parent: "/docker/\(controller)"), mounts: mounts, memoryLimit: memory, options: options)
    }

    func apply(_ pod: PodContext, to spec: ComponentSpec = ComponentSpec(name: "app")) -> ComponentSpec {
        var spec = spec
        for handler in PodHandlers.all { handler.apply(to: &spec, pod: pod) }
        return spec
    }

    @Test("components join the controller's network, PID and IPC namespaces and nest in its cgroup")
    func namespaces() {
        let host = apply(pod()).request.HostConfig
        #expect(host.NetworkMode == "container:\(controller)")
        #expect(host.PidMode == "container:\(controller)")
        #expect(host.IpcMode == "container:\(controller)")
        #expect(host.CgroupParent == "/docker/\(controller)")
        #expect(host.AutoRemove == true)
    }

    @Test("--no-pids and --no-ipc leave those namespaces private; the network is always shared")
    func optionsOff() {
        let host = apply(pod(PodOptions(sharePids: false, shareIpc: false))).request.HostConfig
        #expect(host.PidMode == nil)
        #expect(host.IpcMode == nil)
        #expect(host.NetworkMode == "container:\(controller)")
    }

    @Test("components join the IPC holder when there is one")
    func ipcHolder() {
        #expect(apply(pod(holder: true)).request.HostConfig.IpcMode == "container:web.1.abc.podlike-ipc")
    }

    @Test("containers are named after the pod and labelled with their controller")
    func namingAndLabels() {
        let spec = apply(pod())
        #expect(spec.containerName == "web.1.abc.podlike.app")
        #expect(spec.request.Labels?["io.podlike.controller"] == controller)
        #expect(spec.request.Labels?["io.podlike.component"] == "app")
        #expect(spec.request.Labels?["io.podlike.pod"] == "web.1.abc")
    }

    static let socket = ControllerMount(Type: "bind", Source: "/var/run/docker.sock", Destination: "/var/run/docker.sock")
    static let data = ControllerMount(Type: "volume", Name: "data", Source: "/var/lib/docker/volumes/data/_data", Destination: "/data")
    static let config = ControllerMount(Type: "bind", Source: "/srv/config", Destination: "/config", RW: false)

    @Test("the controller's volumes are shared, never the engine socket")
    func volumes() {
        let mounts = apply(pod(mounts: [Self.socket, Self.data, Self.config])).request.HostConfig.Mounts ?? []
        #expect(mounts == [
            Mount(Type: "volume", Source: "data", Target: "/data"),
            Mount(Type: "bind", Source: "/srv/config", Target: "/config", ReadOnly: true),
        ])
    }

    @Test("--no-volumes shares nothing")
    func noVolumes() {
        let spec = apply(pod(PodOptions(shareVolumes: false), mounts: [Self.data]))
        #expect(spec.request.HostConfig.Mounts == nil)
    }

    @Test("a component's own mount on the same path wins over the shared one")
    func ownMountWins() {
        var spec = ComponentSpec(name: "app")
        spec.request.HostConfig.Binds = ["/host/data:/data:ro"]
        #expect(apply(pod(mounts: [Self.data]), to: spec).request.HostConfig.Mounts == nil)
    }

    @Test("mem_limit above the controller's limit is capped, with a warning")
    func memoryCap() {
        var spec = ComponentSpec(name: "app")
        spec.request.HostConfig.Memory = 1 << 30
        let capped = apply(pod(memory: 256 << 20), to: spec)
        #expect(capped.request.HostConfig.Memory == 256 << 20)
        #expect(capped.warnings.contains { $0.contains("capped") })

        spec.request.HostConfig.Memory = 128 << 20
        #expect(apply(pod(memory: 256 << 20), to: spec).request.HostConfig.Memory == 128 << 20)
    }

    @Test("next to the controller (cgroup v2), components keep the controller's parent; the plan divides the limits")
    func siblings() {
        let spec = apply(pod(memory: 256 << 20, cgroup: .siblings(parent: "pods.slice")))
        #expect(spec.request.HostConfig.CgroupParent == "pods.slice")
        #expect(spec.request.HostConfig.Memory == nil)
    }

    @Test("components are likelier OOM victims than the controller: its oom_score_adj + 1, unless they set their own")
    func oomScore() {
        var controller = pod()
        controller.controllerOomScoreAdj = 100
        #expect(apply(controller).request.HostConfig.OomScoreAdj == 101)
        #expect(apply(pod()).request.HostConfig.OomScoreAdj == 1)
        controller.controllerOomScoreAdj = 1000
        #expect(apply(controller).request.HostConfig.OomScoreAdj == 1000)
        var own = ComponentSpec(name: "app")
        own.request.HostConfig.OomScoreAdj = -500
        #expect(apply(controller, to: own).request.HostConfig.OomScoreAdj == -500)
    }

    @Test("the IPC holder's create body comes from the pod-level handlers that apply to it: network, PID, cgroup, auto-removal, name and labels")
    func holderBody() throws {
        let driver = ComponentDriver(registry: try BuiltinSettings.registry())
        var pod = pod(holder: true)
        pod.nodeID = "node1"
        let plan = try driver.applying(pod, to: PodPlanner(driver: driver).plan(labels: ["pod.container.app": "image: app"]) { _ in "" })
        let holder = try #require(plan.ipcHolder)
        #expect(holder.role == .ipcHolder)
        #expect(holder.containerName == "web.1.abc.podlike-ipc")
        let request = holder.request
        #expect(request.Image == "podlike")
        #expect(request.Entrypoint == ["/usr/local/bin/podlike"])
        #expect(request.Cmd == ["pause"])
        #expect(request.Healthcheck?.Test == ["NONE"])
        #expect(request.Labels == [
            "io.podlike.controller": controller, "io.podlike.pod": "web.1.abc", "io.podlike.role": "ipc-holder", "io.podlike.node": "node1",
        ])
        #expect(request.HostConfig.IpcMode == "shareable")
        #expect(request.HostConfig.NetworkMode == "container:\(controller)")
        #expect(request.HostConfig.PidMode == "container:\(controller)")
        #expect(request.HostConfig.CgroupParent == "/docker/\(controller)")
        #expect(request.HostConfig.AutoRemove == true)
        #expect(request.HostConfig.Mounts == nil && request.HostConfig.OomScoreAdj == nil && request.HostConfig.Memory == nil)
        // The components join it.
        #expect(plan.components.first?.spec.request.HostConfig.IpcMode == "container:web.1.abc.podlike-ipc")
    }

    @Test("with --no-pids the holder keeps its own PID namespace, and a pod that can join the controller's IPC has no holder")
    func holderOptions() throws {
        let driver = ComponentDriver(registry: try BuiltinSettings.registry())
        let validated = try PodPlanner(driver: driver).plan(labels: ["pod.container.app": "image: app"]) { _ in "" }
        let noPids = try driver.applying(pod(PodOptions(sharePids: false), holder: true), to: validated)
        #expect(noPids.ipcHolder?.request.HostConfig.PidMode == nil)
        #expect(try driver.applying(pod(), to: validated).ipcHolder == nil)
    }
}
