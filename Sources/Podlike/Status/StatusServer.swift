#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Serves the pod's status on a local unix socket: each client that connects
/// gets the board's snapshot as one JSON document, and then the server closes
/// the connection. `podlike healthcheck` and `podlike status` are its clients.
///
/// Put it before the controller in the ServiceGroup's services: a graceful
/// shutdown stops services in reverse order, so the socket keeps answering while
/// the pod stops.
public struct StatusServer: Service, CustomStringConvertible {
    public let board: PodStatusBoard
    public let socketPath: String
    public let logger: Logger
    private let onListening: @Sendable () -> Void

    /// - Parameter onListening: called once the socket accepts connections.
    public init(
        board: PodStatusBoard, socketPath: String = StatusSocket.defaultPath, logger: Logger,
        onListening: @escaping @Sendable () -> Void = {}
    ) {
        self.board = board
        self.socketPath = socketPath
        self.logger = logger
        self.onListening = onListening
    }

    public var description: String { "StatusServer(\(socketPath))" }

    public func run() async throws {
        let listener = try await listen()
        defer { removeSocketFile() }
        logger.info("serving the pod's status", metadata: ["socket": "\(socketPath)"])
        onListening()

        try await withThrowingDiscardingTaskGroup { group in
            try await listener.executeThenClose { connections in
                // Graceful shutdown ends the loop; the listener then closes, and
                // the group lets the answers already under way finish.
                for try await connection in connections.cancelOnGracefulShutdown() {
                    group.addTask { await answer(connection) }
                }
            }
        }
        logger.debug("status socket closed", metadata: ["socket": "\(socketPath)"])
    }

    private func listen() async throws -> NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never> {
        let folder = socketPath.lastIndex(of: "/").map { String(socketPath[..<$0]) } ?? ""
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StatusError.cannotListen(socketPath, "can't create the folder \(folder): \(StatusError.reason(error))", underlying: error)
            }
        }
        do {
            // cleanupExistingSocketFile removes a stale socket from an earlier
            // run, and refuses to remove anything that is not a socket.
            return try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.backlog, value: 32)
                .bind(unixDomainSocketPath: socketPath, cleanupExistingSocketFile: true) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw StatusError.cannotListen(socketPath, StatusError.reason(error), underlying: error)
        }
    }

    private func answer(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        do {
            let document = try await board.snapshot().json()
            try await connection.executeThenClose { _, outbound in
                try await outbound.write(ByteBuffer(bytes: document))
            }
        } catch {
            logger.debug("a status client went away early: \(error)", metadata: ["socket": "\(socketPath)"])
        }
    }

    /// NIO unlinks the socket when the listener closes; this covers the paths
    /// where it doesn't get to.
    private func removeSocketFile() {
        guard FileManager.default.fileExists(atPath: socketPath) else { return }
        do {
            try FileManager.default.removeItem(atPath: socketPath)
        } catch {
            logger.warning("could not remove the status socket: \(StatusError.reason(error))", metadata: ["socket": "\(socketPath)"])
        }
    }
}
