import Logging

/// How a pod ended, and the exit code the controller leaves with (`docker run`'s
/// convention: 125 when podlike or the engine failed, else the component's code).
public struct PodOutcome: Sendable, Equatable, CustomStringConvertible {
    public var exitCode: Int32
    public var reason: String

    public init(exitCode: Int32, reason: String) {
        self.exitCode = exitCode
        self.reason = reason
    }

    public static func failed(_ failure: PodFailure) -> PodOutcome {
        PodOutcome(exitCode: failure.exitCode, reason: failure.description)
    }

    public static let stopped = PodOutcome(exitCode: 0, reason: "stopped on request")

    public var description: String { "\(reason) (exit code \(exitCode))" }
}

extension PodOutcome {
    /// Runs a pod to its end and says how it ended: the outcome `run` returns,
    /// logged when it is not 0; or why it could not run, with its exit code.
    /// Labels podlike can't use are written to standard error as they are, every
    /// problem with its component, key and line; anything else is logged.
    public static func of(logger: Logger, _ run: () async throws -> PodOutcome) async -> PodOutcome {
        do {
            let outcome = try await run()
            if outcome.exitCode != 0 { logger.notice("pod ended: \(outcome)") }
            return outcome
        } catch let failure as PodValidationFailure {
            StandardStream.error.write("\(failure)\n")
            return .failed(PodFailure(.invalidInput, "invalid pod definition", underlying: failure))
        } catch {
            logger.error("\(error)")
            return .failed(PodFailure(error))
        }
    }
}
