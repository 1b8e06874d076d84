import UnixSignals

extension PodBootstrap {
    /// The prepared pod, or nil when one of `signals` came first. Before the
    /// ServiceGroup runs nothing else listens for SIGTERM, and a controller that
    /// is its container's PID 1 would ignore it until the engine's SIGKILL: a
    /// `docker stop` during start-up would wait out the whole grace period. The
    /// bootstrap creates nothing, so cancelling it leaves nothing behind.
    public func prepareUnlessStopped(by signals: [UnixSignal] = [.sigterm, .sigint]) async throws -> PreparedPod? {
        let received = await UnixSignalsSequence(trapping: signals)
        return try await withThrowingTaskGroup(of: PreparedPod?.self) { group in
            group.addTask { try await prepare() }
            group.addTask { [logger] in
                for await signal in received {
                    logger.notice("\(signal) during start-up: stopping before anything is created")
                    return nil
                }
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }
}
