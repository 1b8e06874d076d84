#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore

/// A failed Engine API call. It names the operation and carries the daemon's own
/// message, because "No such image: nginx:nope" tells the user what to fix and a
/// bare status code does not.
public struct EngineError: Error, Sendable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        /// The engine answered with an error status.
        case rejected
        /// The engine could not be reached, or the connection broke.
        case unreachable
        /// The engine answered something we could not read.
        case malformedResponse
        /// A stream reported a failure in-band: a pull's `error`, a wait's `Error`.
        case failedInStream
        /// DOCKER_HOST, DOCKER_API_VERSION or the TLS files are unusable.
        case badConfiguration
        /// The engine's API is older than podlike supports.
        case unsupportedEngine
    }

    private let code: Code
    /// What podlike was doing, e.g. `create container "web.podlike.app"`.
    public let operation: String
    /// The HTTP status, when the engine answered with one.
    public let status: Int?
    /// The daemon's own message, or what went wrong on our side.
    public let message: String
    /// The transport or decoding error behind this one, if any.
    public let underlying: (any Error)?

    private init(_ code: Code, operation: String, status: Int? = nil, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.operation = operation
        self.status = status
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        switch code {
        case .rejected:
            "engine: \(operation) failed (\(status ?? 0)): \(message)"
        case .badConfiguration, .unsupportedEngine:
            "engine: \(message)"
        case .unreachable, .malformedResponse, .failedInStream:
            "engine: \(operation) failed: \(message)"
        }
    }

    /// 404: no such container, image, service or path.
    public var isNotFound: Bool { code == .rejected && status == 404 }
    /// 409: a name in use, a container not running, a removal already in progress.
    public var isConflict: Bool { code == .rejected && status == 409 }
    /// 409 because someone else (AutoRemove, the engine's own clean-up after a
    /// restart, another caller) is removing the container right now.
    public var isRemovalInProgress: Bool { isConflict && message.contains("already in progress") }
    /// The engine could not be reached, or the connection broke mid-stream.
    public var isUnreachable: Bool { code == .unreachable }
    /// A stream reported the failure in-band (a pull error, a wait error).
    public var isFailureInStream: Bool { code == .failedInStream }
    /// DOCKER_HOST, DOCKER_API_VERSION or TLS files need fixing.
    public var isConfigurationProblem: Bool { code == .badConfiguration }
}

extension EngineError {
    /// An error status; `body` is the engine's JSON error (`{"message": "..."}`) or plain text.
    static func rejected(_ operation: String, status: Int, body: ByteBuffer) -> EngineError {
        EngineError(.rejected, operation: operation, status: status, message: daemonMessage(in: body, status: status))
    }

    static func unreachable(_ operation: String, underlying: any Error) -> EngineError {
        EngineError(.unreachable, operation: operation, message: "\(underlying)", underlying: underlying)
    }

    static func malformedResponse(_ operation: String, _ message: String, underlying: (any Error)? = nil) -> EngineError {
        EngineError(.malformedResponse, operation: operation, message: message, underlying: underlying)
    }

    static func failedInStream(_ operation: String, _ message: String) -> EngineError {
        EngineError(.failedInStream, operation: operation, message: message)
    }

    static func badConfiguration(_ message: String) -> EngineError {
        EngineError(.badConfiguration, operation: "connect", message: message)
    }

    static func unsupportedEngine(_ message: String) -> EngineError {
        EngineError(.unsupportedEngine, operation: "negotiate API version", message: message)
    }

    /// Wraps whatever a transport or body threw, keeping our own errors as they are.
    /// A cancelled task sees `CancellationError`, whatever the transport made of it.
    static func wrapping(_ error: any Error, _ operation: String) -> any Error {
        if error is EngineError || error is CancellationError { return error }
        if Task.isCancelled { return CancellationError() }
        if error is EngineBody.BodyTooLarge { return malformedResponse(operation, "\(error)", underlying: error) }
        return unreachable(operation, underlying: error)
    }

    static func daemonMessage(in body: ByteBuffer, status: Int) -> String {
        struct ErrorBody: Decodable { var message: String }
        if let decoded = try? JSONDecoder().decode(ErrorBody.self, from: Data(body.readableBytesView)), !decoded.message.isEmpty {
            return decoded.message
        }
        let text = String(buffer: body).trimmingWhitespace
        return text.isEmpty ? "HTTP status \(status) without a message" : text
    }
}

/// Builds operation names that quote their subject, so descriptions read
/// `create container "web.podlike.app"`.
func engineOperation(_ action: String, _ subject: String) -> String {
    "\(action) \"\(subject)\""
}
