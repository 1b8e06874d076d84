import Foundation
import Testing
@testable import Podlike

@Suite("Reaper: which containers are orphans")
struct ReaperTests {
    // MARK: - The decision

    @Test("candidates: never the excluded controller's pod, nor unlabelled ones; a node label from before the node rejoined the swarm doesn't hide one")
    func candidates() {
        let containers = [
            Self.component("mine", controller: "self-id"),
            Self.component("same-node", controller: "c1"),
            Self.component("no-node-label", controller: "c1", node: nil),
            Self.component("earlier-node-id", controller: "c1", node: "node-before-rejoin"),
            Self.component("empty-controller", controller: ""),
            ContainerSummary(Id: "plain", Names: ["/plain"], Labels: ["io.podlike.pod": "x"]),
        ]
        let picked = Reaper.candidates(containers, excluding: "self-id").map(\.Id)
        #expect(picked == ["same-node", "no-node-label", "earlier-node-id"])
    }

    @Test("a pod is over when its controller is gone, exited, dead, being removed, restarting or started again; not when it runs, is paused or only created",
          arguments: [
              (Reaper.ControllerState.gone, true), (.restarted, true), (.status("exited"), true), (.status("dead"), true),
              (.status("removing"), true), (.status("restarting"), true),
              (.status("running"), false), (.status("paused"), false), (.status("created"), false),
          ])
    func podIsOver(state: Reaper.ControllerState, over: Bool) {
        #expect(state.podIsOver == over)
    }

    @Test("orphans: components and IPC holders of ended controllers, named, sorted by controller; unknown controllers are left alone")
    func orphans() {
        let candidates = [
            Self.component("web-1", controller: "live", component: "web", pod: "live-pod"),
            Self.component("app-2", controller: "gone", component: "app", pod: "gone-pod"),
            Self.component("holder-2", controller: "gone", component: nil, role: "ipc-holder", pod: "gone-pod"),
            Self.component("app-3", controller: "exited", component: "app", pod: "exited-pod"),
            Self.component("app-4", controller: "unknown", component: "app", pod: "unknown-pod"),
        ]
        let orphans = Reaper.orphans(among: candidates, controllers: [
            "live": .status("running"), "gone": .gone, "exited": .status("exited"),
        ])
        #expect(orphans == [
            .init(containerID: "app-3", containerName: "exited-pod.podlike.app", component: "app", controllerID: "exited", controller: .status("exited")),
            .init(containerID: "app-2", containerName: "gone-pod.podlike.app", component: "app", controllerID: "gone", controller: .gone),
            .init(containerID: "holder-2", containerName: "gone-pod.podlike.ipc", component: "ipc-holder", controllerID: "gone", controller: .gone),
        ])
        #expect(orphans[1].description == "gone-pod.podlike.app (component app of controller gone, which no longer exists)")
        #expect(orphans[0].description.hasSuffix("which is exited)"))
    }

    // MARK: - Against an in-memory engine

    @Test("reap inspects each controller once, removes the orphans with force and volumes, and logs each removal")
    func reapRemovesOrphans() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "GET /v1.41/containers/json": .json(200, Self.json(Self.listed)),
            "GET /v1.41/containers/live/json": Self.inspect("live", status: "running"),
            "GET /v1.41/containers/exited/json": Self.inspect("exited", status: "exited"),
            "GET /v1.41/containers/gone/json": .json(404, #"{"message":"No such container: gone"}"#),
            "GET /v1.41/containers/rejoined/json": .json(404, #"{"message":"No such container: rejoined"}"#),
            "DELETE /v1.41/containers/": .json(204, ""),
        ])
        let logs = LogRecords()
        let report = try await Reaper(engine: .inMemory(transport, logs: logs), logger: logs.logger).reap(excluding: "self-id")

        #expect(report.removed.map(\.containerID) == ["exited-app", "gone-app", "gone-ipc", "rejoined-app"])
        #expect(report.failed.isEmpty)
        let lines = transport.requests.map { "\($0.method.rawValue) \($0.path)" }
        let list = try #require(lines.first { $0.hasPrefix("GET /v1.41/containers/json") })
        #expect(list.contains("all=1"))
        #expect(list.contains("filters=%7B%22label%22%3A%5B%22io.podlike.controller%22%5D%7D"))
        #expect(lines.filter { $0.hasSuffix("/json") && !$0.contains("containers/json") }.sorted() == [
            "GET /v1.41/containers/exited/json", "GET /v1.41/containers/gone/json", "GET /v1.41/containers/live/json",
            "GET /v1.41/containers/rejoined/json",
        ], "one inspection per controller, never our own")
        #expect(lines.filter { $0.hasPrefix("DELETE") }.sorted() == [
            "DELETE /v1.41/containers/exited-app?force=1&v=1",
            "DELETE /v1.41/containers/gone-app?force=1&v=1",
            "DELETE /v1.41/containers/gone-ipc?force=1&v=1",
            "DELETE /v1.41/containers/rejoined-app?force=1&v=1",
        ])
        let removals = logs.all.filter { $0.message.hasPrefix("removed orphan") }
        #expect(removals.count == 4)
        #expect(removals.allSatisfy { $0.level == .notice && $0.metadata["controller-id"] != nil })
    }

    @Test("an earlier run of this controller: its containers are removed, and one the engine never finishes removing is named after the timeout")
    func earlierRunThatStays() async throws {
        let engine = RemovalUnderWay(.staysUnderWay, id: "stuck-app", listed: [
            Self.component("stuck-app", controller: "self-id"), Self.component("gone-app", controller: "self-id", component: "side"),
        ])
        let transport = engine.transport()
        let logs = LogRecords()
        let reaper = Reaper(engine: .inMemory(transport, logs: logs), logger: logs.logger)
        let error = await #expect(throws: Reaper.EarlierRunLeft.self) {
            try await reaper.reapEarlierRun(of: "self-id", timeout: .milliseconds(300))
        }
        #expect(error?.names == ["pod.podlike.app"])
        #expect(error?.description.contains("remove them with docker rm -f") == true)
        let lines = transport.requests.map { "\($0.method.rawValue) \($0.path)" }
        #expect(lines.first { $0.hasPrefix("GET /v1.41/containers/json") }?.contains("io.podlike.controller%3Dself-id") == true, "\(lines)")
        #expect(lines.filter { $0 == "DELETE /v1.41/containers/gone-app?force=1&v=1" }.count == 1)
        let stuckDeletes = Array(repeating: "DELETE /v1.41/containers/stuck-app?force=1&v=1", count: 2)
        #expect(engine.deletes.all == stuckDeletes, "asked, then once more at the timeout: \(lines)")
        #expect(engine.waits.all == ["POST /v1.41/containers/stuck-app/wait?condition=removed"])
        #expect(logs.all.contains { $0.message.hasPrefix("removed orphan pod.podlike.side") })
    }

    @Test("a removal the engine has under way is waited on: when it fails and the orphan stays, the reaper removes it")
    func takesOverAFailedRemoval() async throws {
        let engine = RemovalUnderWay(.fails(after: .milliseconds(100)))
        let transport = engine.transport()
        let logs = LogRecords()
        let report = try await Reaper(engine: .inMemory(transport, logs: logs), logger: logs.logger).reap()
        #expect(report.removed.map(\.containerID) == ["left-app"])
        #expect(report.failed.isEmpty)
        #expect(engine.deletes.all.count == 2)
        #expect(engine.waits.all == ["POST /v1.41/containers/left-app/wait?condition=removed"])
        #expect(transport.requests.first { $0.path.contains("/wait") }?.timeout == .unlimited, "the reaper bounds the wait, not the transport")
        #expect(logs.all.contains { $0.level == .notice && $0.message.hasPrefix("removed orphan gone.podlike.app") })
    }

    @Test("a removal the engine has under way and finishes is neither reported as ours nor as a failure")
    func engineFinishesItsRemoval() async throws {
        let engine = RemovalUnderWay(.finishes(after: .milliseconds(100)))
        let client = EngineClient.inMemory(engine.transport())
        let report = try await Reaper(engine: client, logger: client.logger).reap()
        #expect(report.removed.isEmpty && report.failed.isEmpty)
        #expect(engine.deletes.all.count == 2)
        #expect(engine.waits.all.count == 1)
    }

    @Test("a removal under way for a second is waited on with one wait, not polled: two removal requests in all")
    func waitsWithoutPolling() async throws {
        let engine = RemovalUnderWay(.finishes(after: .seconds(1)))
        let client = EngineClient.inMemory(engine.transport())
        let started = ContinuousClock.now
        // Polling never sends the wait that starts the removal's clock: it would end stuck.
        let report = try await Reaper(engine: client, logger: client.logger, takeOverAfter: .seconds(5)).reap()
        #expect(ContinuousClock.now - started >= .seconds(1), "returned only once the engine's removal ended")
        #expect(report.removed.isEmpty && report.failed.isEmpty)
        #expect(engine.deletes.all.count == 2, "one before the wait, one after: \(engine.deletes.all)")
        #expect(engine.waits.all.count == 1)
    }

    @Test("a removal that stays under way past the wait is a failure that says what to do")
    func removalStuck() async throws {
        let engine = RemovalUnderWay(.staysUnderWay)
        let client = EngineClient.inMemory(engine.transport())
        let started = ContinuousClock.now
        let report = try await Reaper(engine: client, logger: client.logger, takeOverAfter: .milliseconds(300)).reap()
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(report.removed.isEmpty)
        let failure = try #require(report.failed.first)
        #expect(failure.error is Reaper.RemovalStuck)
        #expect("\(failure.error)".contains("the engine has been removing gone.podlike.app for more than"))
        #expect("\(failure.error)".contains("run podlike reap again later, or restart the engine"))
        #expect(engine.deletes.all.count == 2, "asked, then once more when the wait was given up")
        #expect(engine.waits.all.count == 1)
    }

    @Test("a removal that failed before the wait began leaves the wait held; at the timeout the reaper asks again and removes the orphan")
    func takesOverAtTheTimeout() async throws {
        let engine = RemovalUnderWay(.failsBeforeTheWait)
        let client = EngineClient.inMemory(engine.transport())
        let report = try await Reaper(engine: client, logger: client.logger, takeOverAfter: .milliseconds(300)).reap()
        #expect(report.removed.map(\.containerID) == ["left-app"])
        #expect(report.failed.isEmpty, "\(report.failed.map { "\($0.error)" })")
        #expect(engine.deletes.all.count == 2)
        #expect(engine.waits.all.count == 1)
    }

    @Test("orphans are removed side by side: one whose removal waits on another's does not hold it up")
    func removesSideBySide() async throws {
        let deletes = Recorder<String>()
        let transport = InMemoryEngineTransport { request in
            let line = "\(request.method.rawValue) \(request.path)"
            if line.hasPrefix("GET /v1.41/containers/json") {
                return .json(200, Self.json([
                    Self.component("first-app", controller: "gone", pod: "gone"),
                    Self.component("second-app", controller: "gone", component: "side", pod: "gone"),
                ]))
            }
            if line.hasPrefix("GET /v1.41/containers/gone/json") { return .json(404, #"{"message":"No such container: gone"}"#) }
            deletes.append(line)
            // The first removal finishes only once the second has been asked for,
            // which one after the other never happens.
            if line.hasPrefix("DELETE /v1.41/containers/first-app") {
                for _ in 0..<500 where !deletes.all.contains(where: { $0.contains("second-app") }) {
                    try await Task.sleep(for: .milliseconds(10))
                }
                guard deletes.all.contains(where: { $0.contains("second-app") }) else {
                    return .json(500, #"{"message":"the second removal was never asked for while this one ran"}"#)
                }
            }
            return .json(204, "")
        }
        let engine = EngineClient.inMemory(transport)
        let report = try await Reaper(engine: engine, logger: engine.logger).reap()
        #expect(report.failed.isEmpty, "\(report.failed.map { "\($0.error)" })")
        #expect(report.removed.map(\.containerID) == ["first-app", "second-app"], "in the orphans' order")
    }

    @Test("a failed removal is reported, and the others still go")
    func reapReportsFailures() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "GET /v1.41/containers/json": .json(200, Self.json(Self.listed)),
            "GET /v1.41/containers/live/json": Self.inspect("live", status: "running"),
            "GET /v1.41/containers/exited/json": Self.inspect("exited", status: "dead"),
            "GET /v1.41/containers/gone/json": .json(404, #"{"message":"No such container: gone"}"#),
            "GET /v1.41/containers/rejoined/json": Self.inspect("rejoined", status: "running"),
            "DELETE /v1.41/containers/exited-app": .json(404, #"{"message":"No such container: exited-app"}"#),
            "DELETE /v1.41/containers/gone-app": .json(500, #"{"message":"driver failed"}"#),
            "DELETE /v1.41/containers/gone-ipc": .json(204, ""),
        ])
        let logs = LogRecords()
        let report = try await Reaper(engine: .inMemory(transport, logs: logs), logger: logs.logger).reap(excluding: "self-id")
        #expect(report.removed.map(\.containerID) == ["gone-ipc"])
        #expect(report.failed.map(\.orphan.containerID) == ["gone-app"])
        #expect("\(report.failed[0].error)".contains("driver failed"))
        #expect(logs.all.contains { $0.level == .warning && $0.message.hasPrefix("could not remove orphan gone.podlike.app") })
    }

    @Test("an engine failure while inspecting a controller throws, and nothing is removed")
    func reapThrowsOnInspectFailure() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "GET /v1.41/containers/json": .json(200, Self.json(Self.listed)),
            "GET /v1.41/containers/": .json(500, #"{"message":"engine broke"}"#),
            "DELETE /v1.41/containers/": .json(204, ""),
        ])
        let engine = EngineClient.inMemory(transport)
        await #expect(throws: EngineError.self) { try await Reaper(engine: engine, logger: engine.logger).reap() }
        #expect(!transport.requests.contains { $0.method.rawValue == "DELETE" })
    }

    @Test("with nothing labelled, reaping asks nothing more than the list")
    func reapNothing() async throws {
        let transport = InMemoryEngineTransport(routes: [
            "GET /v1.41/containers/json": .json(200, "[]"),
        ])
        let engine = EngineClient.inMemory(transport)
        let report = try await Reaper(engine: engine, logger: engine.logger).reap()
        #expect(report.removed.isEmpty && report.failed.isEmpty)
        #expect(transport.requests.count == 1)
    }
}
