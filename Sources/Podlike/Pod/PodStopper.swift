#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// Stops and removes the pod's containers: dependents before dependencies, each
/// within its own grace period, and all of it within the controller's budget.
struct PodStopper: Sendable {
    /// A component without a stop_grace_period gets what the engine gives a container.
    static let defaultGrace = GraceBudget.engineDefault
    /// Left over for removing containers after the last stop.
    static let margin: Duration = .seconds(1)

    let engine: EngineClient
    let logger: Logger
    let budget: Duration

    /// The names of the components that could not be removed.
    @discardableResult
    func stop(_ ids: [String: String], lifecycles: [String: ComponentLifecycle]) async -> [String] {
        var failed: [String] = []
        let clock = ContinuousClock()
        let deadline = clock.now + max(.zero, budget - Self.margin)
        let running = lifecycles.filter { ids[$0.key] != nil }
        for level in PodScheduler.stopLevels(running) {
            failed += await withTaskGroup(of: String?.self) { group in
                for name in level {
                    guard let id = ids[name] else { continue }
                    let asked = running[name]?.stopGracePeriod.map { Duration.nanoseconds($0) }
                    let wanted = asked ?? Self.defaultGrace
                    let remaining = max(.zero, deadline - clock.now)
                    let grace = min(wanted, remaining)
                    if let asked, grace < asked {
                        logger.notice(
                            "stop_grace_period \(Self.seconds(asked)) clamped to \(Self.seconds(grace)), so the pod stops within the controller's \(Self.seconds(budget))",
                            metadata: ["component": "\(name)"])
                    }
                    group.addTask { await remove(id, name: name, grace: grace) ? nil : name }
                }
                var failed: [String] = []
                for await name in group { if let name { failed.append(name) } }
                return failed
            }
        }
        return failed.sorted()
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)s"
    }

    /// Stops one container with its stop signal, then removes it, whether or
    /// not the engine's auto-removal got there first. False when the engine did
    /// not answer: the container may still exist, or went with the engine.
    @discardableResult
    func remove(_ id: String, name: String, grace: Duration) async -> Bool {
        let seconds = Int(grace.components.seconds)
        do {
            try await engine.stopContainer(id, timeout: seconds)
        } catch let error as EngineError where error.isNotFound {
            return true
        } catch let error as EngineError where error.isUnreachable {
            // The engine went away (restarting, crashed): nothing more to ask it.
            logger.warning("stopping failed: \(error)", metadata: ["component": "\(name)"])
            return false
        } catch {
            logger.warning("stopping failed: \(error)", metadata: ["component": "\(name)"])
        }
        do {
            try await engine.removeContainer(id, force: true, volumes: true)
            return true
        } catch let error as EngineError where error.isNotFound {
            return true
        } catch let error as EngineError where error.isConflict {
            // The engine is already removing it (AutoRemove); wait until it is gone.
        } catch {
            logger.warning("removing failed: \(error)", metadata: ["component": "\(name)"])
        }
        do {
            _ = try await engine.waitContainer(id, condition: .removed)
        } catch let error as EngineError where error.isNotFound {
            return true
        } catch {
            return false
        }
        logger.debug("removed", metadata: ["component": "\(name)"])
        return true
    }
}
