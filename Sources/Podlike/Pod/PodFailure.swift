/// Why a pod could not run or could not stop cleanly: what went wrong, in which
/// component, and the error behind it, as `EngineError` carries an engine call's.
/// The exit code comes from the code, here and nowhere else.
public struct PodFailure: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// Labels, flags or files podlike can't use; nothing was created.
        case invalidInput
        /// An image that is not on the node and may not be pulled, or whose pull failed.
        case image
        /// A `pod.copy` source that can't be read, or an upload the engine refused.
        case copy
        /// The engine refused to create or start a component or the IPC holder.
        case create
        case start
        /// The engine's event stream ended while the pod ran.
        case eventStream
        /// The engine failed, or stopped answering, outside any one component's call.
        case engine

        /// `docker run`'s convention: 125 when podlike or the engine failed, so a
        /// component's own exit codes keep their meaning.
        public var exitCode: Int32 {
            switch self {
            case .invalidInput, .image, .copy, .create, .start, .eventStream, .engine: 125
            }
        }
    }

    public let code: Code
    /// The component it happened to, when it was one ("IPC holder" for the holder).
    public let component: String?
    /// The label or setting involved, like `pod.copy`.
    public let key: String?
    /// What went wrong, in words that say what to do.
    public let message: String
    /// The engine's or the system's error behind this one, if any.
    public let underlying: (any Error)?

    public init(_ code: Code, component: String? = nil, key: String? = nil, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.component = component
        self.key = key
        self.message = message
        self.underlying = underlying
    }

    /// Any error of the run as a pod failure: itself when it is one, else the engine's.
    public init(_ error: any Error) {
        self = error as? PodFailure ?? PodFailure(.engine, "\(error)", underlying: error)
    }

    public var exitCode: Int32 { code.exitCode }

    public var description: String {
        let detail = underlying.map { ": \($0)" } ?? ""
        let subject = [component.map { "component \"\($0)\"" }, key].compactMap { $0 }.joined(separator: ", ")
        return (subject.isEmpty ? "" : subject + ": ") + message + detail
    }
}
