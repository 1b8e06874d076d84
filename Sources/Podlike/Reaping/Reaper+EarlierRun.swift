/// A controller started again in place (`docker start` after a kill, or an
/// engine restart policy) keeps its container ID. Without PID sharing its earlier
/// run's components still run; with it, the engine may still be removing them.
/// Either way they carry this controller's ID and the names its new pod needs.
extension Reaper {
    /// Removes what an earlier run of controller `controllerID` left, waiting up to
    /// `timeout` on any the engine is already removing, so the new pod's names are
    /// free. Returns what this call removed.
    @discardableResult
    public func reapEarlierRun(of controllerID: String, timeout: Duration = .seconds(30)) async throws -> [Orphan] {
        let earlier = try await earlierRun(of: controllerID)
        guard !earlier.isEmpty else { return [] }
        let report = await Reaper(engine: engine, logger: logger, takeOverAfter: timeout).remove(all: earlier)
        let stuck = report.failed.filter { $0.error is RemovalStuck }
        if !stuck.isEmpty {
            throw EarlierRunLeft(names: stuck.map(\.orphan.containerName), timeout: timeout)
        }
        if let failure = report.failed.first { throw failure.error }
        return report.removed
    }

    /// The containers labelled with `controllerID`, which this run has not created yet.
    func earlierRun(of controllerID: String) async throws -> [Orphan] {
        let containers = try await engine.listContainers(all: true, labels: ["\(PodLabelling.controller)=\(controllerID)"])
        return Self.orphans(among: containers, controllers: [controllerID: .restarted])
    }

    /// The engine has been removing an orphan for longer than the reaper waits
    /// (`remove(_:)`); `reapEarlierRun` names all of an earlier run's in one `EarlierRunLeft`.
    public struct RemovalStuck: Error, CustomStringConvertible {
        public var orphan: Orphan
        public var waited: Duration

        public var description: String {
            "the engine has been removing \(orphan.containerName) for more than \(waited) and has not finished; "
                + "run podlike reap again later, or restart the engine if it stays"
        }
    }

    public struct EarlierRunLeft: Error, CustomStringConvertible {
        public var names: [String]
        public var timeout: Duration

        public var description: String {
            "the containers of this controller's earlier run are still there after \(timeout): \(names.joined(separator: ", ")); remove them with docker rm -f"
        }
    }
}
