import Foundation
import Logging
import Podlike
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// StatusServer and StatusClient over a real unix socket, in-process.
struct PodStatusSocketTests {
    /// Generous, so a loaded CI machine does not turn slowness into a failure.
    static let patience: Duration = .seconds(30)

    /// A fresh folder under /tmp: unix socket paths must stay under 108 bytes.
    func withTemporaryFolder<T>(_ body: (String) async throws -> T) async throws -> T {
        let folder = "/tmp/podlike-status-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try await body(folder)
    }

    /// Runs a StatusServer at `path` while `body` runs, then shuts it down gracefully.
    func withServer<T>(_ board: PodStatusBoard, at path: String, _ body: () async throws -> T) async throws -> T {
        try await testGracefulShutdown { shutdown in
            try await withThrowingTaskGroup(of: Void.self) { group in
                let (listening, continuation) = AsyncStream<Void>.makeStream()
                let server = StatusServer(board: board, socketPath: path, logger: Logger(label: "status-test")) {
                    continuation.yield()
                }
                group.addTask {
                    defer { continuation.finish() }
                    try await server.run()
                }
                var events = listening.makeAsyncIterator()
                guard await events.next() != nil else {
                    try await group.waitForAll()  // the server failed before listening: rethrow why
                    throw StatusTestFailure("the server ended before it listened")
                }
                let result = try await body()
                shutdown.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            }
        }
    }

    func runningBoard(_ names: [String]) async -> PodStatusBoard {
        let board = PodStatusBoard()
        for name in names {
            await board.register(component: name, isInit: false)
            await board.created(name, id: String(repeating: "f", count: 64))
            await board.started(name, hasHealthcheck: true)
        }
        return board
    }

    @Test("a client reads the board's snapshot; graceful shutdown stops the server and removes the socket")
    func roundTrip() async throws {
        let board = await runningBoard(["app", "db"])
        await board.health("db", "healthy")
        try await withTemporaryFolder { folder in
            let path = "\(folder)/status.sock"
            let status = try await withServer(board, at: path) {
                try await StatusClient(socketPath: path, timeout: Self.patience).fetch()
            }
            #expect(status == (await board.snapshot()))
            #expect(status.health == .starting)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("each connection sees the board as it is then")
    func liveUpdates() async throws {
        let board = await runningBoard(["app"])
        try await withTemporaryFolder { folder in
            let path = "\(folder)/status.sock"
            try await withServer(board, at: path) {
                let before = try await StatusClient(socketPath: path, timeout: Self.patience).fetch()
                await board.health("app", "healthy")
                let after = try await StatusClient(socketPath: path, timeout: Self.patience).fetch()
                #expect(before.health == .starting)
                #expect(after.health == .healthy)
            }
        }
    }

    @Test("a large pod's status arrives whole, to many clients at once")
    func largeAndConcurrent() async throws {
        let board = await runningBoard((0..<400).map { "component-\($0)" })
        let expected = await board.snapshot()
        try await withTemporaryFolder { folder in
            let path = "\(folder)/status.sock"
            try await withServer(board, at: path) {
                try await withThrowingTaskGroup(of: PodStatus.self) { group in
                    for _ in 0..<16 { group.addTask { try await StatusClient(socketPath: path, timeout: Self.patience).fetch() } }
                    for try await status in group { #expect(status == expected) }
                }
            }
        }
    }

    @Test("the server creates a missing folder and replaces a stale socket file")
    func folderAndStaleSocket() async throws {
        try await withTemporaryFolder { folder in
            let fresh = "\(folder)/run/podlike/status.sock"
            try await withServer(PodStatusBoard(), at: fresh) {
                let status = try await StatusClient(socketPath: fresh, timeout: Self.patience).fetch()
                #expect(status.health == .starting)
            }

            let stale = "\(folder)/stale.sock"
            try RawUnixSocket(boundTo: stale).close()  // leaves the socket file behind
            #expect(FileManager.default.fileExists(atPath: stale))
            try await withServer(PodStatusBoard(), at: stale) {
                let status = try await StatusClient(socketPath: stale, timeout: Self.patience).fetch()
                #expect(status.components.isEmpty)
            }
        }
    }

    @Test("the server refuses to replace a file that is not a socket, and says where")
    func notASocket() async throws {
        try await withTemporaryFolder { folder in
            let path = "\(folder)/status.sock"
            try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
            let error = await #expect(throws: StatusError.self) {
                try await withServer(PodStatusBoard(), at: path) {}
            }
            #expect(error?.description.contains("can't serve the pod's status at \(path): a file that is not a socket is in the way") == true)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        }
    }

    @Test("the server says why it can't listen: a folder it can't create, a path too long")
    func cannotListen() async throws {
        try await withTemporaryFolder { folder in
            try "".write(toFile: "\(folder)/file", atomically: true, encoding: .utf8)
            let underFile = "\(folder)/file/status.sock"
            let folderError = await #expect(throws: StatusError.self) {
                try await withServer(PodStatusBoard(), at: underFile) {}
            }
            #expect(folderError?.description.contains("can't create the folder \(folder)/file: File exists") == true)

            let long = "\(folder)/\(String(repeating: "x", count: 120)).sock"
            let longError = await #expect(throws: StatusError.self) {
                try await withServer(PodStatusBoard(), at: long) {}
            }
            #expect(longError?.description.contains("too long for a unix socket") == true)
        }
    }

    @Test("a client says clearly when nothing listens at the socket")
    func unreachable() async throws {
        let path = "/tmp/podlike-status-missing-\(UUID().uuidString.prefix(8)).sock"
        let error = await #expect(throws: StatusError.self) {
            try await StatusClient(socketPath: path, timeout: Self.patience).fetch()
        }
        #expect(error?.isUnreachable == true)
        #expect(error?.description.contains("can't reach the controller's status socket \(path): there is no such socket") == true)
    }

    @Test("a stale socket that nobody listens on reads as a stopped controller")
    func staleSocketClient() async throws {
        try await withTemporaryFolder { folder in
            let path = "\(folder)/stale.sock"
            try RawUnixSocket(boundTo: path).close()
            let error = await #expect(throws: StatusError.self) {
                try await StatusClient(socketPath: path, timeout: Self.patience).fetch()
            }
            #expect(error?.description.contains("nothing listens on it (the controller has stopped)") == true)
        }
    }

    @Test("a client gives up when the socket accepts but never answers")
    func silentServer() async throws {
        try await withTemporaryFolder { folder in
            let path = "\(folder)/silent.sock"
            let listener = try RawUnixSocket(boundTo: path, listening: true)
            defer { try? listener.close() }
            let error = await #expect(throws: StatusError.self) {
                try await StatusClient(socketPath: path, timeout: .milliseconds(200)).fetch()
            }
            #expect(error?.description.contains("no answer within") == true)
        }
    }

    @Test("a client rejects an answer that is not a pod status")
    func malformedAnswer() async throws {
        try await withTemporaryFolder { folder in
            let path = "\(folder)/odd.sock"
            let listener = try RawUnixSocket(boundTo: path, listening: true)
            defer { try? listener.close() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try listener.acceptAndSend("hello\n") }
                let error = await #expect(throws: StatusError.self) {
                    try await StatusClient(socketPath: path, timeout: Self.patience).fetch()
                }
                #expect(error?.description.contains("not a pod status") == true)
                try await group.waitForAll()
            }
        }
    }
}

struct StatusTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A bare unix socket, for the states StatusServer never leaves behind: a stale
/// socket file, and a peer that accepts but doesn't answer properly.
struct RawUnixSocket: Sendable {
    let descriptor: Int32

    init(boundTo path: String, listening: Bool = false) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw StatusTestFailure("socket: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { target in
            path.utf8CString.withUnsafeBytes { target.copyMemory(from: $0) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw StatusTestFailure("bind \(path): errno \(errno)") }
        if listening, listen(descriptor, 4) != 0 { throw StatusTestFailure("listen: errno \(errno)") }
    }

    func acceptAndSend(_ text: String) throws {
        let connection = accept(descriptor, nil, nil)
        guard connection >= 0 else { throw StatusTestFailure("accept: errno \(errno)") }
        defer { Glibc.close(connection) }
        _ = Array(text.utf8).withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }

    func close() throws {
        guard Glibc.close(descriptor) == 0 else { throw StatusTestFailure("close: errno \(errno)") }
    }
}
