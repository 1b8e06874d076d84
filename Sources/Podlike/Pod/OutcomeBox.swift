import Synchronization

/// Hands the pod's outcome from the service, which a ServiceGroup runs, back to
/// the command that decides the exit code.
public final class OutcomeBox: Sendable {
    private let value = Mutex<PodOutcome?>(nil)

    public init() {}

    public func store(_ outcome: PodOutcome) {
        value.withLock { $0 = $0 ?? outcome }
    }

    public var outcome: PodOutcome? {
        value.withLock { $0 }
    }
}
