import Drivers
import Logging
import Podlike
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

/// The controller's run, from the first create to the last removal, on an engine
/// in memory whose containers follow a script.
struct PodControllerTests {
    static let controllerID = String(repeating: "c", count: 64)

    /// Runs the pod these labels describe to its end.
    static func run(
        _ labels: [String: String], on engine: ScriptedEngine, ipcHolder: Bool = false, podMemory: Int64? = 96 << 20,
        logs: LogRecords = LogRecords()
    ) async throws -> PodOutcome {
        let registry = try BuiltinSettings.registry()
        let driver = ComponentDriver(registry: registry)
        let validated = try PodPlanner(driver: driver).plan(labels: labels) { _ in "" }
        var pod = PodContext(controllerID: controllerID, controllerName: "pod", cgroup: .siblings(parent: nil), memoryLimit: podMemory)
        if ipcHolder { pod.ipcHolder = IpcHolder.Source(image: "podlike", entrypoint: nil) }
        let plan = try driver.applying(pod, to: validated)
        let outcome = OutcomeBox()
        let controller = PodController(
            engine: engine.client, prepared: PreparedPod(plan: plan, pod: pod, stopGrace: .seconds(10), credentials: .none),
            status: PodStatusBoard(plan: plan), outcome: outcome, logger: logs.logger)
        try await controller.run()
        return try #require(outcome.outcome)
    }

    static func warnings(_ logs: LogRecords, containing text: String) -> [String] {
        logs.all.filter { $0.level == .warning && $0.message.contains(text) }.map(\.message)
    }

    @Test("an OOM kill the engine reports before the exit is named once, with the component's memory limit")
    func oomNoticeFirst() async throws {
        let engine = ScriptedEngine(scripts: ["pod.podlike.hog": .oomKilled(noticeFirst: true)])
        let logs = LogRecords()
        let outcome = try await Self.run(
            ["pod.container.hog": "image: busybox\nmem_limit: 48m", "pod.container.idle": "image: busybox"], on: engine, logs: logs)
        #expect(outcome.exitCode == 137)
        #expect(Self.warnings(logs, containing: "OOM killer") == [
            "the kernel's OOM killer killed a process of this component, over its memory limit of \(48 << 20) bytes",
        ])
        #expect(engine.leftovers.isEmpty)
    }

    @Test("a SIGKILL to a memory-limited component whose OOM notice the engine dropped is still named as the OOM killer's")
    func oomNoticeDropped() async throws {
        let engine = ScriptedEngine(scripts: ["pod.podlike.hog": .oomKilled(noticeFirst: false)])
        let logs = LogRecords()
        let outcome = try await Self.run(
            ["pod.container.hog": "image: busybox\nmem_limit: 48m", "pod.container.idle": "image: busybox"], on: engine, logs: logs)
        #expect(outcome.exitCode == 137)
        let named = Self.warnings(logs, containing: "OOM killer")
        #expect(named.count == 1)
        #expect(named.first?.contains("most likely killed this component, over its memory limit of \(48 << 20) bytes") == true)
        #expect(engine.leftovers.isEmpty)
    }

    @Test("an init component's OOM kill is named too, and ends the pod with 137")
    func initOom() async throws {
        let engine = ScriptedEngine(scripts: ["pod.podlike.init-1": .oomKilled(noticeFirst: false)])
        let logs = LogRecords()
        let outcome = try await Self.run(
            ["pod.init.components": "- image: busybox\n  mem_limit: 32m", "pod.container.app": "image: busybox"], on: engine, logs: logs)
        #expect(outcome.exitCode == 137)
        #expect(Self.warnings(logs, containing: "OOM killer").count == 1)
        #expect(!engine.calls.contains("create pod.podlike.app"))
    }

    @Test("exit 137 of a component without a memory limit is not blamed on the OOM killer")
    func killWithoutLimit() async throws {
        let engine = ScriptedEngine(scripts: ["pod.podlike.app": .exits(137)])
        let logs = LogRecords()
        let outcome = try await Self.run(["pod.container.app": "image: busybox"], on: engine, podMemory: nil, logs: logs)
        #expect(outcome.exitCode == 137)
        #expect(Self.warnings(logs, containing: "OOM killer").isEmpty)
    }

    @Test("when one create fails, every container already created, the holder among them, is removed, and the pod fails with 125")
    func createFailureCleansUp() async throws {
        let engine = ScriptedEngine(scripts: [:], failCreate: ["pod.podlike.b"])
        let outcome = try await Self.run(
            ["pod.container.a": "image: busybox", "pod.container.b": "image: busybox", "pod.container.c": "image: busybox"],
            on: engine, ipcHolder: true)
        #expect(outcome.exitCode == PodFailure.Code.create.exitCode)
        #expect(outcome.reason.contains("component \"b\""), "\(outcome.reason)")
        #expect(engine.leftovers.isEmpty, "\(engine.calls)")
        #expect(!engine.calls.contains { $0.hasPrefix("start pod.podlike.") })
    }

    @Test("the IPC holder runs before the init components, which run one by one before the others are created")
    func holderBeforeInit() async throws {
        let engine = ScriptedEngine(scripts: ["pod.podlike.init-1": .exits(0), "pod.podlike.init-2": .exits(0), "pod.podlike.app": .exits(3)])
        let outcome = try await Self.run(
            ["pod.init.components": "- image: busybox\n- image: busybox", "pod.container.app": "image: busybox"],
            on: engine, ipcHolder: true)
        #expect(outcome.exitCode == 3)
        let order = engine.calls.filter { $0.hasPrefix("create ") || $0.hasPrefix("start ") }
        #expect(order == [
            "create pod.podlike-ipc", "start pod.podlike-ipc",
            "create pod.podlike.init-1", "start pod.podlike.init-1",
            "create pod.podlike.init-2", "start pod.podlike.init-2",
            "create pod.podlike.app", "start pod.podlike.app",
        ])
        #expect(engine.leftovers.isEmpty, "\(engine.calls)")
    }

    @Test("a stop request while an init component runs creates nothing more, removes what exists, and ends with 0")
    func stopDuringInit() async throws {
        try await testGracefulShutdown { shutdown in
            let engine = ScriptedEngine(scripts: [:]) { call in
                if call == "start pod.podlike.init-1" { shutdown.triggerGracefulShutdown() }
            }
            let outcome = try await Self.run(
                ["pod.init.components": "- image: busybox\n- image: busybox", "pod.container.app": "image: busybox"],
                on: engine, ipcHolder: true)
            #expect(outcome == .stopped)
            #expect(!engine.calls.contains("create pod.podlike.init-2"), "\(engine.calls)")
            #expect(!engine.calls.contains("create pod.podlike.app"), "\(engine.calls)")
            #expect(engine.leftovers.isEmpty, "\(engine.calls)")
        }
    }

    @Test("a stop request while the components are created starts none of them, removes them all, and ends with 0")
    func stopDuringCreate() async throws {
        try await testGracefulShutdown { shutdown in
            let engine = ScriptedEngine(scripts: [:]) { call in
                if call == "create pod.podlike.a" { shutdown.triggerGracefulShutdown() }
            }
            let outcome = try await Self.run(
                ["pod.container.a": "image: busybox", "pod.container.b": "image: busybox"], on: engine)
            #expect(outcome == .stopped)
            #expect(!engine.calls.contains { $0.hasPrefix("start pod.podlike.") }, "\(engine.calls)")
            #expect(engine.leftovers.isEmpty, "\(engine.calls)")
        }
    }

    @Test("a container whose create answer was lost is found by the pod's label and removed when the pod fails")
    func lostCreateAnswer() async throws {
        let engine = ScriptedEngine(scripts: [:], loseCreateAnswer: ["pod.podlike.b"])
        let logs = LogRecords()
        let outcome = try await Self.run(["pod.container.a": "image: busybox", "pod.container.b": "image: busybox"], on: engine, logs: logs)
        #expect(outcome.exitCode == PodFailure.Code.create.exitCode)
        #expect(engine.calls.filter { $0 == "create pod.podlike.b" }.count == 1, "one create per component, never a retry")
        #expect(engine.leftovers.isEmpty, "\(engine.calls)")
        #expect(engine.calls.contains("remove pod.podlike.b"))
    }

    @Test("the IPC holder is stopped while the components stop, not after them")
    func holderStopsMeanwhile() async throws {
        // The engine holds the app's stop until the holder's stop is asked for (10 s
        // at most): a controller that waited for the components first stops the app first.
        let engine = ScriptedEngine(
            scripts: ["pod.podlike.app": .runs, "pod.podlike.job": .exits(3)],
            stopAfter: ["pod.podlike.app": "pod.podlike-ipc"])
        let outcome = try await Self.run(["pod.container.app": "image: busybox", "pod.container.job": "image: busybox"], on: engine, ipcHolder: true)
        #expect(outcome.exitCode == 3)
        let calls = engine.calls
        let holder = try #require(calls.firstIndex(of: "stop pod.podlike-ipc"), "\(calls)")
        let app = try #require(calls.firstIndex(of: "stop pod.podlike.app"), "\(calls)")
        #expect(holder < app, "\(calls)")
        #expect(engine.leftovers.isEmpty, "\(engine.calls)")
    }
}
