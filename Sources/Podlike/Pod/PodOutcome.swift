/// How a pod ended, and the exit code the controller leaves with (`docker run`'s
/// convention: 125 when podlike or the engine failed, else the component's code).
public struct PodOutcome: Sendable, Equatable, CustomStringConvertible {
    public var exitCode: Int32
    public var reason: String

    public init(exitCode: Int32, reason: String) {
        self.exitCode = exitCode
        self.reason = reason
    }

    public static let failureExitCode: Int32 = 125

    public static func failed(_ reason: String) -> PodOutcome {
        PodOutcome(exitCode: failureExitCode, reason: reason)
    }

    public static let stopped = PodOutcome(exitCode: 0, reason: "stopped on request")

    public var description: String { "\(reason) (exit code \(exitCode))" }
}
