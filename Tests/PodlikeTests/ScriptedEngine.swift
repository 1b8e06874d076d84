import Foundation
import NIOCore
import Podlike

/// An engine in memory that runs containers by script, for unit tests of the
/// controller: creates get IDs, a start emits `start`, and what a container does
/// once it runs is its script's. Every container is auto-removed on exit, as
/// the controller's components are, and a stop ends a running one with 143.
final class ScriptedEngine: @unchecked Sendable {
    /// What a container does once it has started, by container name.
    enum Script: Sendable {
        /// Runs until it is stopped.
        case runs
        /// Exits on its own with this code.
        case exits(Int32)
        /// Killed by the kernel's OOM killer (137). With `noticeFirst`, the engine's
        /// `oom` event comes before the exit; otherwise the notice reaches the
        /// engine after the container is auto-removed and is dropped, as dockerd does.
        case oomKilled(noticeFirst: Bool)
    }

    private let lock = NSLock()
    private var scripts: [String: Script]
    private var failCreate: Set<String>
    private var loseCreateAnswer: Set<String>
    /// Name by ID, of containers that exist.
    private var existing: [String: String] = [:]
    /// Name by ID, of containers that no longer exist.
    private var gone: [String: String] = [:]
    private var running: Set<String> = []
    private var journal: [String] = []
    private let events: AsyncStream<ByteBuffer>
    private let eventSink: AsyncStream<ByteBuffer>.Continuation
    private let onCall: @Sendable (String) -> Void
    /// `stopAfter[A] = B`: the engine answers A's stop only once B's stop was asked for.
    private let stopAfter: [String: String]
    private var stopsAsked: Set<String> = []
    private var stopWaiters: [String: [(token: UUID, continuation: CheckedContinuation<Void, Never>)]] = [:]

    /// `failCreate` names containers whose create the engine refuses;
    /// `loseCreateAnswer` those it creates but whose answer is lost (a 500 after
    /// the fact, as a dropped connection would be); `onCall` hears each entry of
    /// `calls` as it is made; `stopAfter[A] = B` holds A's stop until B's stop is asked for.
    init(
        scripts: [String: Script], failCreate: Set<String> = [], loseCreateAnswer: Set<String> = [],
        stopAfter: [String: String] = [:], onCall: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.scripts = scripts
        self.stopAfter = stopAfter
        self.failCreate = failCreate
        self.loseCreateAnswer = loseCreateAnswer
        self.onCall = onCall
        (events, eventSink) = AsyncStream<ByteBuffer>.makeStream()
    }

    /// `create NAME`, `start NAME`, `stop NAME`, `remove NAME`, in the order the engine got them.
    var calls: [String] { lock.withLock { journal } }

    /// Containers that still exist, by name.
    var leftovers: [String] { lock.withLock { existing.values.sorted() } }

    var client: EngineClient {
        .inMemory(InMemoryEngineTransport { [self] request in try await answer(request) })
    }

    private func answer(_ request: EngineRequest) async throws -> EngineResponse {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        let parts = path.split(separator: "/").map(String.init)
        switch (request.method, parts.dropFirst().first, parts.count) {
        case (.get, "events", _):
            return EngineResponse(status: 200, body: EngineBody(events))
        case (.get, "images", _):
            return .json(200, #"{"Id":"sha256:0"}"#)
        case (.post, "containers", 3) where parts[2] == "create":
            return create(name: Self.query("name", in: request.path) ?? "unnamed")
        case (.post, "containers", 4) where parts[3] == "start":
            return start(parts[2])
        case (.post, "containers", 4) where parts[3] == "stop":
            await holdStop(parts[2])
            return stop(parts[2])
        case (.post, "containers", 4) where parts[3] == "wait":
            return .json(200, #"{"StatusCode":0}"#)
        case (.get, "containers", 3) where parts[2] == "json":
            return list()
        case (.get, "containers", 4) where parts[3] == "json":
            return inspect(parts[2])
        case (.delete, "containers", 3):
            return remove(parts[2])
        default:
            return .json(404, #"{"message":"no route for \#(request.method.rawValue) \#(path)"}"#)
        }
    }

    private func create(name: String) -> EngineResponse {
        defer { onCall("create \(name)") }
        return lock.withLock {
            journal.append("create \(name)")
            if failCreate.contains(name) { return .json(500, #"{"message":"scripted create failure"}"#) }
            let id = "id-\(name)"
            existing[id] = name
            if loseCreateAnswer.contains(name) { return .json(500, #"{"message":"scripted lost answer"}"#) }
            return .json(201, #"{"Id":"\#(id)","Warnings":[]}"#)
        }
    }

    private func start(_ id: String) -> EngineResponse {
        defer { if let name = lock.withLock({ existing[id] ?? gone[id] }) { onCall("start \(name)") } }
        return lock.withLock {
            guard let name = existing[id] else { return Self.noSuchContainer(id) }
            journal.append("start \(name)")
            running.insert(id)
            emit("start", id)
            switch scripts[name] ?? .runs {
            case .runs:
                break
            case .exits(let code):
                exit(id, code: code)
            case .oomKilled(let noticeFirst):
                if noticeFirst { emit("oom", id) }
                exit(id, code: 137)
            }
            return EngineResponse(status: 204)
        }
    }

    /// Waits, when `stopAfter` says so, for another container's stop to be asked
    /// for, at most 10 s: a controller that never asks gets its answer late, and
    /// the order of `calls` shows it.
    private func holdStop(_ id: String) async {
        guard let name = lock.withLock({ existing[id] }) else { return }
        lock.withLock { stopsAsked.insert(name) }
        for waiter in lock.withLock({ stopWaiters.removeValue(forKey: name) ?? [] }) { waiter.continuation.resume() }
        guard let other = stopAfter[name] else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.stopAsked(other) }
            group.addTask { try? await Task.sleep(for: .seconds(10)) }
            await group.next()
            group.cancelAll()
        }
    }

    private func stopAsked(_ name: String) async {
        let token = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let asked = lock.withLock {
                    if stopsAsked.contains(name) || Task.isCancelled { return true }
                    stopWaiters[name, default: []].append((token, continuation))
                    return false
                }
                if asked { continuation.resume() }
            }
        } onCancel: {
            let waiter = lock.withLock { () -> CheckedContinuation<Void, Never>? in
                guard let index = stopWaiters[name]?.firstIndex(where: { $0.token == token }) else { return nil }
                return stopWaiters[name]?.remove(at: index).continuation
            }
            waiter?.resume()
        }
    }

    private func stop(_ id: String) -> EngineResponse {
        lock.withLock {
            guard let name = existing[id] else { return Self.noSuchContainer(id) }
            journal.append("stop \(name)")
            if running.contains(id) { exit(id, code: 143) }
            return EngineResponse(status: 204)
        }
    }

    private func remove(_ id: String) -> EngineResponse {
        lock.withLock {
            guard let name = existing.removeValue(forKey: id) else { return Self.noSuchContainer(id) }
            gone[id] = name
            journal.append("remove \(name)")
            running.remove(id)
            emit("destroy", id)
            return EngineResponse(status: 204)
        }
    }

    /// Every container that exists; they all belong to the one pod under test.
    private func list() -> EngineResponse {
        lock.withLock {
            let items = existing.sorted { $0.key < $1.key }.map { id, name in
                #"{"Id":"\#(id)","Names":["/\#(name)"],"Labels":{"io.podlike.component":"\#(name)"}}"#
            }
            return .json(200, "[" + items.joined(separator: ",") + "]")
        }
    }

    private func inspect(_ id: String) -> EngineResponse {
        lock.withLock {
            guard let name = existing[id] else { return Self.noSuchContainer(id) }
            let isRunning = running.contains(id)
            return .json(200, #"""
                {"Id":"\#(id)","Name":"/\#(name)","Image":"sha256:0","State":{"Status":"\#(isRunning ? "running" : "exited")","Running":\#(isRunning),"Pid":0,"ExitCode":0},"Config":{},"HostConfig":{}}
                """#)
        }
    }

    /// Holding the lock: the container dies and the engine auto-removes it.
    private func exit(_ id: String, code: Int32) {
        running.remove(id)
        emit("die", id, attributes: ["exitCode": "\(code)"])
        if let name = existing.removeValue(forKey: id) {
            gone[id] = name
            journal.append("auto-remove \(name)")
            emit("destroy", id)
        }
    }

    private func emit(_ action: String, _ id: String, attributes: [String: String] = [:]) {
        let event = EngineEvent(Type: "container", Action: action, Actor: .init(ID: id, Attributes: attributes))
        var line = try! JSONEncoder().encode(event)
        line.append(UInt8(ascii: "\n"))
        eventSink.yield(ByteBuffer(bytes: line))
    }

    private static func noSuchContainer(_ id: String) -> EngineResponse {
        .json(404, #"{"message":"No such container: \#(id)"}"#)
    }

    private static func query(_ name: String, in path: String) -> String? {
        URLComponents(string: "http://engine\(path)")?.queryItems?.first { $0.name == name }?.value
    }
}
