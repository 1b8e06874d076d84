import Foundation
@testable import Podlike

/// An in-memory engine that is removing one container on its own (AutoRemove, or
/// its clean-up after a restart), and answers as Docker does. The first DELETE of
/// that container answers 409 "already in progress"; what happens next is the
/// `Story`, whose durations count from the first wait on the removal
/// (`POST /containers/{id}/wait?condition=removed`), so that a slow machine
/// changes no test's story. While the removal is under way, DELETE answers 409
/// and the wait is held; when it ends, the wait answers 200, with the removal's
/// error in its body when it failed. After a finished removal, DELETE and a wait
/// answer 404. After a failed one the container is still there: DELETE removes
/// it (204), and a wait is held until a later removal (here: until cancelled).
/// Every other container listed is removed at once, and every controller is gone.
final class RemovalUnderWay: @unchecked Sendable {
    enum Story: Sendable {
        case finishes(after: Duration), fails(after: Duration)
        /// Fails between the first DELETE and the first wait.
        case failsBeforeTheWait
        case staysUnderWay
    }

    let id: String
    let listed: [ContainerSummary]
    let story: Story
    /// Each DELETE of the container, and each wait on it, as the engine got them.
    let deletes = Recorder<String>()
    let waits = Recorder<String>()

    private let lock = NSLock()
    private var started = false, endsAt: ContinuousClock.Instant?, removedByCaller = false

    init(_ story: Story, id: String = "left-app", listed: [ContainerSummary]? = nil) {
        self.id = id
        self.listed = listed ?? [ReaperTests.component(id, controller: "gone", pod: "gone")]
        self.story = story
    }

    /// A new transport onto this engine, which records the requests it passes on.
    func transport() -> InMemoryEngineTransport {
        InMemoryEngineTransport { request in try await self.answer(request) }
    }

    private enum Phase { case notStarted, underWay(until: ContinuousClock.Instant?), finished, failed, removed }

    /// Where the engine's removal is. The first DELETE starts it, the first wait
    /// starts its clock, and a DELETE once it has failed removes the container.
    private func phase(deleting: Bool) -> Phase {
        lock.withLock {
            if removedByCaller { return .removed }
            if !started {
                started = deleting
                return deleting ? .underWay(until: nil) : .notStarted
            }
            var ended = Phase.failed
            switch story {
            case .staysUnderWay: return .underWay(until: nil)
            case .failsBeforeTheWait: break
            case .finishes(let after), .fails(let after):
                guard let endsAt else {
                    if deleting { return .underWay(until: nil) }
                    endsAt = ContinuousClock.now + after
                    return .underWay(until: endsAt)
                }
                if ContinuousClock.now < endsAt { return .underWay(until: endsAt) }
                if case .finishes = story { ended = .finished }
            }
            if case .failed = ended, deleting { removedByCaller = true }
            return ended
        }
    }

    private func answer(_ request: EngineRequest) async throws -> EngineResponse {
        let line = "\(request.method.rawValue) \(request.path)"
        let container = "/v1.41/containers/\(id)"
        if line.hasPrefix("GET /v1.41/containers/json") { return .json(200, ReaperTests.json(listed)) }
        if line.hasPrefix("GET /v1.41/containers/") { return .json(404, #"{"message":"No such container"}"#) }
        if line.hasPrefix("DELETE \(container)?") {
            deletes.append(line)
            switch phase(deleting: true) {
            case .underWay: return .json(409, #"{"message":"removal of container \#(id) is already in progress"}"#)
            case .failed: return .json(204, "")
            case .notStarted, .finished, .removed: return .json(404, #"{"message":"No such container: \#(id)"}"#)
            }
        }
        if line.hasPrefix("DELETE /v1.41/containers/") { return .json(204, "") }
        guard line.hasPrefix("POST \(container)/wait") else { return .json(404, #"{"message":"no route for \#(line)"}"#) }
        waits.append(line)
        guard line.hasSuffix("?condition=removed") else { return .json(400, #"{"message":"this test waits only for removal"}"#) }
        switch phase(deleting: false) {
        case .underWay(let until):
            guard let until else { return try await heldUntilCancelled() }
            try await Task.sleep(until: until)
            if case .finishes = story { return .json(200, #"{"StatusCode":137,"Error":null}"#) }
            return .json(200, #"{"StatusCode":137,"Error":{"Message":"driver failed to remove root filesystem"}}"#)
        case .notStarted, .failed: return try await heldUntilCancelled()
        case .finished, .removed: return .json(404, #"{"message":"No such container: \#(id)"}"#)
        }
    }

    private func heldUntilCancelled() async throws -> EngineResponse {
        try await Task.sleep(for: .seconds(3600))
        return .json(500, #"{"message":"held for an hour"}"#)
    }
}

/// The reaper tests' containers, and the engine's answers about them.
extension ReaperTests {
    static let node = "node-a"

    static func component(
        _ id: String, controller: String?, component: String? = "app", node: String? = ReaperTests.node,
        role: String? = nil, pod: String = "pod"
    ) -> ContainerSummary {
        var labels: [String: String] = [PodLabelling.pod: pod]
        labels[PodLabelling.controller] = controller
        labels[PodLabelling.component] = component
        labels[PodLabelling.node] = node
        labels[IpcHolder.roleLabel] = role
        return ContainerSummary(Id: id, Names: ["/\(pod).podlike.\(component ?? "ipc")"], State: "running", Labels: labels)
    }

    static let listed = [
        component("own-app", controller: "self-id", pod: "self"),
        component("live-app", controller: "live", pod: "live"),
        component("gone-app", controller: "gone", pod: "gone"),
        component("gone-ipc", controller: "gone", component: nil, role: "ipc-holder", pod: "gone"),
        component("exited-app", controller: "exited", pod: "exited"),
        component("rejoined-app", controller: "rejoined", node: "node-before-rejoin", pod: "rejoined"),
    ]

    static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: try! JSONEncoder().encode(value), as: UTF8.self)
    }

    static func inspect(_ id: String, status: String) -> EngineResponse {
        .json(200, json(ContainerInspect(Id: id, Name: "/\(id)", State: .init(Status: status, Running: status == "running"))))
    }
}
