import NIOCore
import NIOPosix

/// Reads the pod's status from the controller's status socket.
public struct StatusClient: Sendable {
    public var socketPath: String
    /// For the whole exchange. Docker kills a healthcheck at its own timeout, so
    /// stay below it to say why instead.
    public var timeout: Duration

    /// A status is a few hundred bytes per component; this bounds a confused peer.
    static let maximumAnswerBytes = 4 << 20

    public init(socketPath: String = StatusSocket.defaultPath, timeout: Duration = .seconds(2)) {
        self.socketPath = socketPath
        self.timeout = timeout
    }

    public func fetch() async throws -> PodStatus {
        let (socketPath, timeout) = (self.socketPath, self.timeout)
        return try await withThrowingTaskGroup(of: PodStatus.self) { group in
            group.addTask { try await exchange() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw StatusError.timedOut(socketPath, after: timeout)
            }
            defer { group.cancelAll() }
            guard let status = try await group.next() else { throw CancellationError() }
            return status
        }
    }

    private func exchange() async throws -> PodStatus {
        let connection: NIOAsyncChannel<ByteBuffer, Never>
        do {
            connection = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(unixDomainSocketPath: socketPath) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, Never>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw StatusError.unreachable(socketPath, StatusError.reason(error), underlying: error)
        }
        // The server writes one document and closes: read to the end.
        let answer = try await connection.executeThenClose { inbound in
            var answer = ByteBuffer()
            for try await var chunk in inbound {
                answer.writeBuffer(&chunk)
                if answer.readableBytes > Self.maximumAnswerBytes {
                    throw StatusError.malformedAnswer(socketPath, "more than \(Self.maximumAnswerBytes) bytes")
                }
            }
            return answer
        }
        do {
            return try PodStatus(json: Array(answer.readableBytesView))
        } catch {
            let preview = String(decoding: answer.readableBytesView.prefix(80), as: UTF8.self)
            throw StatusError.malformedAnswer(socketPath, "\(error) in \"\(preview)\"", underlying: error)
        }
    }
}
