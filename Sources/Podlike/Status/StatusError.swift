#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore
import NIOPosix

/// A failure of the status socket, on the controller's side or the client's.
/// It names the socket and says what to check.
public struct StatusError: Error, Sendable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        /// The server could not create the socket's folder or bind the socket.
        case cannotListen
        /// Nothing answered at the socket.
        case unreachable
        /// The server accepted but did not answer in time.
        case timedOut
        /// The answer was not a pod status.
        case malformedAnswer
    }

    private let code: Code
    public let socketPath: String
    /// What went wrong, in a few words, without the socket's path.
    public let message: String
    public let underlying: (any Error)?

    private init(_ code: Code, socketPath: String, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.socketPath = socketPath
        self.message = message
        self.underlying = underlying
    }

    static func cannotListen(_ path: String, _ message: String, underlying: (any Error)? = nil) -> StatusError {
        StatusError(.cannotListen, socketPath: path, message: message, underlying: underlying)
    }

    static func unreachable(_ path: String, _ message: String, underlying: any Error) -> StatusError {
        StatusError(.unreachable, socketPath: path, message: message, underlying: underlying)
    }

    static func timedOut(_ path: String, after timeout: Duration) -> StatusError {
        StatusError(.timedOut, socketPath: path, message: "no answer within \(timeout)")
    }

    static func malformedAnswer(_ path: String, _ message: String, underlying: (any Error)? = nil) -> StatusError {
        StatusError(.malformedAnswer, socketPath: path, message: message, underlying: underlying)
    }

    /// What a socket or file error means here, in words a user can act on: NIO
    /// names the syscall, and Foundation on Linux says "The operation could not
    /// be completed".
    static func reason(_ error: any Error) -> String {
        switch error {
        case let error as IOError:
            switch error.errnoCode {
            case ENOENT: return "there is no such socket"
            case ECONNREFUSED: return "nothing listens on it (the controller has stopped)"
            default: return String(cString: strerror(error.errnoCode))
            }
        case is UnixDomainSocketPathWrongType:
            return "a file that is not a socket is in the way"
        case SocketAddressError.unixDomainSocketPathTooLong:
            return "the path is too long for a unix socket (at most 107 bytes)"
        default:
            if let cause = (error as? CocoaError)?.underlying as? POSIXError {
                return String(cString: strerror(cause.code.rawValue))
            }
            return "\(error)"
        }
    }

    /// Nothing listens at the socket: the controller isn't running, or uses another path.
    public var isUnreachable: Bool { code == .unreachable }

    public var description: String {
        switch code {
        case .cannotListen:
            "can't serve the pod's status at \(socketPath): \(message); give the controller a writable path with --status-socket or \(StatusSocket.environmentVariable)"
        case .unreachable:
            "can't reach the controller's status socket \(socketPath): \(message). Is the controller running in this container? Otherwise pass its path with --socket or \(StatusSocket.environmentVariable)"
        case .timedOut:
            "the controller's status socket \(socketPath) accepted the connection but sent \(message)"
        case .malformedAnswer:
            "the controller's status socket \(socketPath) sent something that is not a pod status: \(message)"
        }
    }
}
