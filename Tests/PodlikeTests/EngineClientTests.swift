import Foundation
import NIOCore
import Testing
@testable import Podlike

@Suite("Engine client calls")
struct EngineClientTests {
    /// `GET /containers/{id}/json` of a created container on Docker 20.10, verbatim.
    static let realInspect = #"""
{"Id":"9bafb943b53f216ad4c2c88c42bef414bec63d0c15e06f20a59b2458a8059920","Created":"2026-11-29T20:29:19.683321328Z","Path":"sleep","Args":["1"],"State":{"Status":"created","Running":false,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,"Pid":0,"ExitCode":0,"Error":"","StartedAt":"0001-01-01T00:00:00Z","FinishedAt":"0001-01-01T00:00:00Z"},"Image":"sha256:8f76cebfd0694476d36819e43d339fce4a48fd5a7350ab1d75fdee77aabec9cc","ResolvConfPath":"","HostnamePath":"","HostsPath":"","LogPath":"","Name":"/probe-inspect","RestartCount":0,"Driver":"overlay2","Platform":"linux","MountLabel":"","ProcessLabel":"","AppArmorProfile":"","ExecIDs":null,"HostConfig":{"Binds":["/tmp:/host-tmp:ro"],"ContainerIDFile":"","LogConfig":{"Type":"json-file","Config":{}},"NetworkMode":"default","PortBindings":{},"RestartPolicy":{"Name":"no","MaximumRetryCount":0},"AutoRemove":false,"VolumeDriver":"","VolumesFrom":null,"CapAdd":null,"CapDrop":null,"CgroupnsMode":"host","Dns":[],"DnsOptions":[],"DnsSearch":[],"ExtraHosts":null,"GroupAdd":null,"IpcMode":"private","Cgroup":"","Links":null,"OomScoreAdj":0,"PidMode":"","Privileged":false,"PublishAllPorts":false,"ReadonlyRootfs":false,"SecurityOpt":null,"Tmpfs":{"/run/x":""},"UTSMode":"","UsernsMode":"","ShmSize":67108864,"Runtime":"runc","ConsoleSize":[0,0],"Isolation":"","CpuShares":0,"Memory":67108864,"NanoCpus":500000000,"CgroupParent":"","BlkioWeight":0,"BlkioWeightDevice":[],"BlkioDeviceReadBps":[],"BlkioDeviceWriteBps":[],"BlkioDeviceReadIOps":[],"BlkioDeviceWriteIOps":[],"CpuPeriod":0,"CpuQuota":0,"CpuRealtimePeriod":0,"CpuRealtimeRuntime":0,"CpusetCpus":"","CpusetMems":"","Devices":[],"DeviceCgroupRules":null,"DeviceRequests":null,"KernelMemory":0,"KernelMemoryTCP":0,"MemoryReservation":0,"MemorySwap":134217728,"MemorySwappiness":null,"OomKillDisable":false,"PidsLimit":null,"Ulimits":[],"CpuCount":0,"CpuPercent":0,"IOMaximumIOps":0,"IOMaximumBandwidth":0,"MaskedPaths":["/proc/asound","/proc/acpi","/proc/kcore","/proc/keys","/proc/latency_stats","/proc/timer_list","/proc/timer_stats","/proc/sched_debug","/proc/scsi","/sys/firmware"],"ReadonlyPaths":["/proc/bus","/proc/fs","/proc/irq","/proc/sys","/proc/sysrq-trigger"]},"GraphDriver":{"Data":{"LowerDir":"/var/lib/docker/overlay2/e7afbee3aca22a4e9d66ab96565f28d094de3054d4d0812ebdf65b6e563e92a9-init/diff:/var/lib/docker/overlay2/0fbce4934ee087a579558dd889afa46baba5b0e4e9a3aa3f14a8c9160baec294/diff","MergedDir":"/var/lib/docker/overlay2/e7afbee3aca22a4e9d66ab96565f28d094de3054d4d0812ebdf65b6e563e92a9/merged","UpperDir":"/var/lib/docker/overlay2/e7afbee3aca22a4e9d66ab96565f28d094de3054d4d0812ebdf65b6e563e92a9/diff","WorkDir":"/var/lib/docker/overlay2/e7afbee3aca22a4e9d66ab96565f28d094de3054d4d0812ebdf65b6e563e92a9/work"},"Name":"overlay2"},"Mounts":[{"Type":"bind","Source":"/tmp","Destination":"/host-tmp","Mode":"ro","RW":false,"Propagation":"rprivate"}],"Config":{"Hostname":"9bafb943b53f","Domainname":"","User":"","AttachStdin":false,"AttachStdout":true,"AttachStderr":true,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":["sleep","1"],"Healthcheck":{"Test":["CMD-SHELL","true"]},"Image":"podlike-test/busybox:latest","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":{"podlike.probe":"1"}},"NetworkSettings":{"Bridge":"","SandboxID":"","HairpinMode":false,"LinkLocalIPv6Address":"","LinkLocalIPv6PrefixLen":0,"Ports":{},"SandboxKey":"","SecondaryIPAddresses":null,"SecondaryIPv6Addresses":null,"EndpointID":"","Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","MacAddress":"","Networks":{"bridge":{"IPAMConfig":null,"Links":null,"Aliases":null,"NetworkID":"","EndpointID":"","Gateway":"","IPAddress":"","IPPrefixLen":0,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"MacAddress":"","DriverOpts":null}}}}
"""#

    @Test("inspectContainer decodes a real engine's answer, mounts as ControllerMount")
    func inspectRealAnswer() async throws {
        let transport = InMemoryEngineTransport(routes: ["GET /v1.41/containers/probe/json": .json(200, Self.realInspect)])
        let inspect = try await EngineClient.inMemory(transport).inspectContainer("probe")
        #expect(inspect.Name == "/probe-inspect")
        #expect(inspect.State.Status == "created")
        #expect(inspect.State.Running == false)
        #expect(inspect.State.Health == nil)
        #expect(inspect.Config.Labels == ["podlike.probe": "1"])
        #expect(inspect.Config.Image == "podlike-test/busybox:latest")
        #expect(inspect.Config.Tty == false)
        #expect(inspect.Config.Healthcheck == HealthConfig(Test: ["CMD-SHELL", "true"]))
        #expect(inspect.HostConfig.Memory == Int64(64 << 20))
        #expect(inspect.HostConfig.NanoCpus == 500_000_000)
        #expect(inspect.HostConfig.IpcMode == "private")
        #expect(inspect.HostConfig.AutoRemove == false)
        #expect(inspect.Mounts == [ControllerMount(Type: "bind", Source: "/tmp", Destination: "/host-tmp", RW: false, Propagation: "rprivate")])
    }

    @Test("createContainer sends the body as JSON with name and platform, and logs every warning with the name")
    func createLogsWarnings() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "POST /v1.41/containers/create": .json(201, #"{"Id":"c0ffee","Warnings":["Your kernel does not support swap limit capabilities.","second warning"]}"#),
        ])
        let logs = LogRecords()
        var request = CreateContainerRequest(Image: "busybox")
        request.Cmd = ["sleep", "1"]
        let created = try await EngineClient.inMemory(transport, logs: logs)
            .createContainer(request, name: "web.podlike.app", platform: "linux/amd64")
        #expect(created == CreatedContainer(id: "c0ffee", warnings: ["Your kernel does not support swap limit capabilities.", "second warning"]))

        let warnings = logs.all.filter { $0.level == .warning }
        #expect(warnings.map(\.message) == [
            #"engine warning for container "web.podlike.app": Your kernel does not support swap limit capabilities."#,
            #"engine warning for container "web.podlike.app": second warning"#,
        ])
        #expect(warnings.allSatisfy { $0.metadata["container"] == "web.podlike.app" })

        let sent = try #require(transport.requests.first)
        #expect(sent.path == "/v1.41/containers/create?name=web.podlike.app&platform=linux%2Famd64")
        #expect(sent.headers["content-type"] == "application/json")
        let body = try JSONDecoder().decode(CreateContainerRequest.self, from: Data(try #require(sent.body).readableBytesView))
        #expect(body == request)
    }

    @Test("a create answer with null warnings has none")
    func createWithoutWarnings() async throws {
        let transport = InMemoryEngineTransport(routes: ["POST /v1.41/containers/create": .json(201, #"{"Id":"c1","Warnings":null}"#)])
        let created = try await EngineClient.inMemory(transport).createContainer(CreateContainerRequest(Image: "busybox"))
        #expect(created.warnings.isEmpty)
        #expect(transport.requests.first?.path == "/v1.41/containers/create")
    }

    @Test("start and stop accept 304, when the container already is where we want it")
    func notModifiedIsFine() async throws {
        let transport = InMemoryEngineTransport { _ in EngineResponse(status: 304) }
        let client = EngineClient.inMemory(transport)
        try await client.startContainer("c1")
        try await client.stopContainer("c1", timeout: 7)
        #expect(transport.requests.map(\.path) == ["/v1.41/containers/c1/start", "/v1.41/containers/c1/stop?t=7"])
        #expect(transport.requests.last?.timeout == .unlimited)
    }

    @Test("removeContainer ignores a missing container only when asked to")
    func removeMissing() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "DELETE /v1.41/containers/gone": .json(404, #"{"message":"No such container: gone"}"#),
            "DELETE /v1.41/containers/going": .json(409, #"{"message":"removal of container going is already in progress"}"#),
            "DELETE /v1.41/containers/busy": .json(409, #"{"message":"You cannot remove a running container busy."}"#),
        ])
        let client = EngineClient.inMemory(transport)
        try await client.removeContainer("gone", force: true, volumes: true, ignoreNotFound: true)
        try await client.removeContainer("going", ignoreNotFound: true)
        #expect(transport.requests.first?.path == "/v1.41/containers/gone?force=1&v=1")
        await #expect { try await client.removeContainer("gone") } throws: { ($0 as? EngineError)?.isNotFound == true }
        await #expect { try await client.removeContainer("busy", ignoreNotFound: true) } throws: {
            ($0 as? EngineError)?.isConflict == true
        }
    }

    @Test("waitContainer returns the exit code, with no timeout, and throws the engine's wait error")
    func wait() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "POST /v1.41/containers/ok/wait": .json(200, #"{"Error":null,"StatusCode":3}"#),
            "POST /v1.41/containers/bad/wait": .json(200, #"{"Error":{"Message":"container is marked for removal"},"StatusCode":-1}"#),
        ])
        let client = EngineClient.inMemory(transport)
        #expect(try await client.waitContainer("ok", condition: .nextExit) == 3)
        #expect(transport.requests.first?.path == "/v1.41/containers/ok/wait?condition=next-exit")
        #expect(transport.requests.first?.timeout == .unlimited)
        await #expect { _ = try await client.waitContainer("bad") } throws: {
            "\($0)" == #"engine: wait for container "bad" failed: container is marked for removal"#
        }
    }

    @Test("kill sends the signal")
    func kill() async throws {
        let transport = InMemoryEngineTransport { _ in EngineResponse(status: 204) }
        try await EngineClient.inMemory(transport).killContainer("c1", signal: "SIGUSR1")
        #expect(transport.requests.first?.path == "/v1.41/containers/c1/kill?signal=SIGUSR1")
    }

    @Test("listContainers filters by label, key alone or key=value")
    func list() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "GET /v1.41/containers/json": .json(200, #"[{"Id":"c1","Names":["/web"],"State":"running","Labels":{"pod":"x"}}]"#),
        ])
        let containers = try await EngineClient.inMemory(transport).listContainers(labels: ["pod=x", "podlike.controller"])
        #expect(containers == [ContainerSummary(Id: "c1", Names: ["/web"], State: "running", Labels: ["pod": "x"])])
        let path = try #require(transport.requests.first?.path)
        #expect(path == "/v1.41/containers/json?all=1&filters=%7B%22label%22%3A%5B%22pod%3Dx%22%2C%22podlike.controller%22%5D%7D")
    }

    @Test("inspectImage is nil for an image the engine doesn't have, and keeps the image's healthcheck")
    func inspectImage() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "GET /v1.41/images/registry.local:5000/app:1/json": .json(200, #"{"Id":"sha256:1","RepoTags":["registry.local:5000/app:1"],"Config":{"Cmd":["serve"],"Healthcheck":{"Test":["CMD","check"],"Interval":5000000000}}}"#),
        ])
        let client = EngineClient.inMemory(transport)
        let image = try #require(try await client.inspectImage("registry.local:5000/app:1"))
        #expect(image.Config?.Healthcheck?.Test == ["CMD", "check"])
        #expect(image.Config?.Healthcheck?.Interval == 5_000_000_000)
        #expect(try await client.inspectImage("nope:1") == nil)
    }

    @Test("uploadArchive PUTs the tar with its content type and the target path")
    func upload() async throws {
        let transport = InMemoryEngineTransport { _ in EngineResponse(status: 200) }
        try await EngineClient.inMemory(transport).uploadArchive("c1", path: "/etc/app conf", tar: ByteBuffer(bytes: [1, 2, 3]))
        let request = try #require(transport.requests.first)
        #expect(request.method == .put)
        #expect(request.path == "/v1.41/containers/c1/archive?path=%2Fetc%2Fapp%20conf")
        #expect(request.headers["Content-Type"] == "application/x-tar")
        #expect(request.body == ByteBuffer(bytes: [1, 2, 3]))
    }

    @Test("info and inspectService decode the fields the controller reads")
    func infoAndService() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "GET /v1.41/info": .json(200, #"{"ID":"N:1","Name":"vm","ServerVersion":"20.10.24","CgroupVersion":"1","CgroupDriver":"cgroupfs","Swarm":{"NodeID":"n1","LocalNodeState":"active","ControlAvailable":true}}"#),
            "GET /v1.41/services/s1": .json(200, #"{"ID":"s1","Version":{"Index":9},"Spec":{"Name":"app","Labels":{"pod.component.web":"image: nginx"},"TaskTemplate":{"ContainerSpec":{"Image":"podlike","Labels":{"c":"d"},"StopGracePeriod":7000000000}}}}"#),
        ])
        let client = EngineClient.inMemory(transport)
        let info = try await client.info()
        #expect(info.CgroupVersion == "1")
        #expect(info.Swarm == EngineInfo.SwarmInfo(NodeID: "n1", LocalNodeState: "active", ControlAvailable: true))
        let service = try await client.inspectService("s1")
        #expect(service.Spec.Labels == ["pod.component.web": "image: nginx"])
        #expect(service.Spec.TaskTemplate?.ContainerSpec?.StopGracePeriod == 7_000_000_000)
        #expect(service.Spec.TaskTemplate?.ContainerSpec?.Labels == ["c": "d"])
    }

    @Test("ping reads the API version and OS from the headers of /_ping")
    func ping() async throws {
        let transport = InMemoryEngineTransport { _ in
            EngineResponse(status: 200, headers: ["Api-Version": "1.41", "Ostype": "linux"], body: EngineBody("OK"))
        }
        #expect(try await EngineClient.inMemory(transport).ping() == EnginePing(apiVersion: APIVersion(1, 41), osType: "linux"))
        #expect(transport.requests.first?.path == "/_ping")
    }

    @Test("timestamps keep nanoseconds as the engine expects them")
    func timestamps() {
        #expect(EngineClient.timestamp(Date(timeIntervalSince1970: 1_700_000_000)) == "1700000000.000000000")
        #expect(EngineClient.timestamp(Date(timeIntervalSince1970: 1_700_000_000.5)) == "1700000000.500000000")
    }
}
