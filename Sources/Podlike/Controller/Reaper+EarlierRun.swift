/// A controller started again in place (`docker start` after a kill, or an
/// engine restart policy) keeps its container ID. Without PID sharing its earlier
/// run's components still run; with it, the engine may still be removing them.
/// Either way they carry this controller's ID and the names its new pod needs.
extension Reaper {
    /// Removes what an earlier run of controller `controllerID` left, and waits,
    /// up to `timeout`, until it is gone, so the new pod's names are free.
    /// Returns what this call removed.
    @discardableResult
    public func reapEarlierRun(of controllerID: String, timeout: Duration = .seconds(30)) async throws -> [Orphan] {
        let earlier = try await earlierRun(of: controllerID)
        guard !earlier.isEmpty else { return [] }
        var removed: [Orphan] = []
        for orphan in earlier {
            if try await remove(orphan) { removed.append(orphan) }
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let left = try await earlierRun(of: controllerID)
            if left.isEmpty { return removed }
            guard clock.now < deadline else {
                throw EarlierRunLeft(names: left.map(\.containerName), timeout: timeout)
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// The containers labelled with `controllerID`, which this run has not created yet.
    func earlierRun(of controllerID: String) async throws -> [Orphan] {
        let containers = try await engine.listContainers(all: true, labels: ["\(PodLabelling.controller)=\(controllerID)"])
        return Self.orphans(among: containers, controllers: [controllerID: .restarted])
    }

    public struct EarlierRunLeft: Error, CustomStringConvertible {
        public var names: [String]
        public var timeout: Duration

        public var description: String {
            "the containers of this controller's earlier run are still there after \(timeout): \(names.joined(separator: ", ")); remove them with docker rm -f"
        }
    }
}
