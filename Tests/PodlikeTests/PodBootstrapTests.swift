import Drivers
import Foundation
import Podlike
import Testing

/// The bootstrap on an in-memory engine: what it decides for the pod, and that
/// labels it can't run stop it before anything is removed or created.
struct PodBootstrapTests {
    static let controllerID = String(repeating: "c", count: 64)

    /// A controller container as the engine inspects it.
    static func controller(labels: [String: String], ipcMode: String, stopTimeout: Int? = nil, oomScoreAdj: Int = 0) throws -> String {
        let labelsJSON = String(decoding: try JSONEncoder().encode(labels), as: UTF8.self)
        return #"""
            {"Id":"\#(controllerID)","Name":"/web.1","Image":"podlike:dev","State":{"Status":"running","Running":true,"Pid":1,"ExitCode":0},
             "Config":{"Labels":\#(labelsJSON),"Entrypoint":["/usr/local/bin/podlike"]\#(stopTimeout.map { #","StopTimeout":\#($0)"# } ?? "")},
             "HostConfig":{"IpcMode":"\#(ipcMode)","OomScoreAdj":\#(oomScoreAdj)},"Mounts":[]}
            """#
    }

    /// Bootstraps on an engine holding that controller and no other container.
    static func prepare(
        _ controller: String, settings: PodBootstrap.Settings = .init(options: PodOptions())
    ) async throws -> (Result<PreparedPod, any Error>, [String]) {
        let transport = InMemoryEngineTransport(routes: [
            "GET /v1.41/containers/\(controllerID)/json": .json(200, controller),
            "GET /v1.41/info": .json(200, #"{"ID":"e","Name":"host","CgroupVersion":"1","CgroupDriver":"cgroupfs"}"#),
            "GET /v1.41/containers/json": .json(200, "[]"),
        ])
        let bootstrap = PodBootstrap(
            engine: .inMemory(transport), registry: try BuiltinSettings.registry(), settings: settings,
            identity: ContainerIdentity(mountinfo: nil, cgroup: nil, hostname: controllerID), logger: LogRecords().logger)
        let result: Result<PreparedPod, any Error>
        do { result = .success(try await bootstrap.prepare()) } catch { result = .failure(error) }
        return (result, transport.requests.map { "\($0.method.rawValue) \($0.path.split(separator: "?")[0])" })
    }

    @Test("a controller with a private IPC namespace (a Swarm task) gets an IPC holder of its own image, which components join")
    func holderChosen() async throws {
        let (result, _) = try await Self.prepare(Self.controller(labels: ["pod.container.app": "image: app"], ipcMode: "private"))
        let prepared = try result.get()
        let holder = try #require(prepared.plan.ipcHolder)
        #expect(holder.request.Image == "podlike:dev")
        #expect(holder.containerName == "web.1.podlike-ipc")
        #expect(prepared.plan.components.map(\.spec.request.HostConfig.IpcMode) == ["container:web.1.podlike-ipc"])
    }

    @Test("a shareable controller IPC, or --no-ipc, needs no holder")
    func noHolder() async throws {
        let labels = ["pod.container.app": "image: app"]
        let (shareable, _) = try await Self.prepare(Self.controller(labels: labels, ipcMode: "shareable"))
        #expect(try shareable.get().plan.ipcHolder == nil)
        #expect(try shareable.get().plan.components.first?.spec.request.HostConfig.IpcMode == "container:\(Self.controllerID)")
        let (noIpc, _) = try await Self.prepare(
            Self.controller(labels: labels, ipcMode: "private"), settings: .init(options: PodOptions(shareIpc: false)))
        #expect(try noIpc.get().plan.ipcHolder == nil)
    }

    @Test("the grace budget: --stop-grace, else the controller's own stop timeout, else the engine's 10 s")
    func grace() async throws {
        let labels = ["pod.container.app": "image: app"]
        let (own, _) = try await Self.prepare(Self.controller(labels: labels, ipcMode: "shareable", stopTimeout: 40))
        #expect(try own.get().stopGrace == .seconds(40))
        let (explicit, _) = try await Self.prepare(
            Self.controller(labels: labels, ipcMode: "shareable", stopTimeout: 40), settings: .init(options: PodOptions(), stopGrace: .seconds(5)))
        #expect(try explicit.get().stopGrace == .seconds(5))
        let (none, _) = try await Self.prepare(Self.controller(labels: labels, ipcMode: "shareable"))
        #expect(try none.get().stopGrace == .seconds(10))
    }

    @Test("the controller's context reaches the components: its oom_score_adj + 1, its name in theirs")
    func context() async throws {
        let (result, _) = try await Self.prepare(Self.controller(labels: ["pod.container.app": "image: app"], ipcMode: "shareable", oomScoreAdj: 100))
        let spec = try #require(try result.get().plan.components.first?.spec)
        #expect(spec.request.HostConfig.OomScoreAdj == 101)
        #expect(spec.containerName == "web.1.podlike.app")
    }

    @Test("this controller's earlier run is reaped before other orphans, after the labels are validated")
    func reapOrder() async throws {
        let (result, calls) = try await Self.prepare(Self.controller(labels: ["pod.container.app": "image: app"], ipcMode: "shareable"))
        _ = try result.get()
        let lists = calls.filter { $0 == "GET /v1.41/containers/json" }
        #expect(lists.count == 2, "\(calls)")
        #expect(calls.prefix(2) == ["GET /v1.41/containers/\(Self.controllerID)/json", "GET /v1.41/info"])
    }

    @Test("labels podlike can't run fail before any container is listed, removed or created")
    func invalidLabels() async throws {
        let (result, calls) = try await Self.prepare(Self.controller(labels: ["pod.container.app": "image: app\nmem_limt: 1g"], ipcMode: "private"))
        guard case .failure(let error) = result else {
            Issue.record("expected a validation failure")
            return
        }
        let failure = try #require(error as? PodValidationFailure)
        #expect("\(failure)".contains(#"did you mean "mem_limit""#))
        #expect(calls == ["GET /v1.41/containers/\(Self.controllerID)/json", "GET /v1.41/info"])
    }

    @Test("a registry credentials file that isn't a Docker config.json fails before anything is removed; a missing one means anonymous pulls")
    func badCredentials() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("podlike-bootstrap-auth-\(UUID()).json").path
        try "not json".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let controller = try Self.controller(labels: ["pod.container.app": "image: app"], ipcMode: "shareable")
        let (result, calls) = try await Self.prepare(controller, settings: .init(options: PodOptions(), registryAuth: path))
        #expect(throws: (any Error).self) { try result.get() }
        #expect(!calls.contains("GET /v1.41/containers/json"))
        let (missing, _) = try await Self.prepare(controller, settings: .init(options: PodOptions(), registryAuth: "/nonexistent/podlike-auth.json"))
        #expect(try missing.get().credentials == .none)
    }

    @Test("a stop signal during start-up ends the bootstrap at once, with nothing prepared and nothing created")
    func signalDuringStartUp() async throws {
        let controller = try Self.controller(labels: ["pod.container.app": "image: app"], ipcMode: "shareable")
        let transport = InMemoryEngineTransport { request in
            if request.path.hasPrefix("/v1.41/info") {
                try await Task.sleep(for: .seconds(60))  // an engine that is slow to answer
                return .json(200, "{}")
            }
            return request.path.hasPrefix("/v1.41/containers/\(Self.controllerID)/json") ? .json(200, controller) : .json(200, "[]")
        }
        let bootstrap = PodBootstrap(
            engine: .inMemory(transport), registry: try BuiltinSettings.registry(), settings: .init(options: PodOptions()),
            identity: ContainerIdentity(mountinfo: nil, cgroup: nil, hostname: Self.controllerID), logger: LogRecords().logger)
        let clock = ContinuousClock()
        let started = clock.now
        // SIGUSR1 stands in for SIGTERM, which the test process keeps blocked.
        async let prepared = bootstrap.prepareUnlessStopped(by: [.sigusr1])
        try await Task.sleep(for: .milliseconds(300))
        kill(getpid(), SIGUSR1)
        #expect(try await prepared == nil)
        #expect(clock.now - started < .seconds(30))
        #expect(!transport.requests.contains { $0.method == .post || $0.method == .delete })
    }
}
