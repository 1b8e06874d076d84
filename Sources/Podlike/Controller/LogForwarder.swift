#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import Synchronization

/// `--logs`: every line of a component, Compose style (`app | line`), to the
/// controller's stdout or stderr as the component wrote it.
struct LogForwarder: Sendable {
    let logger: Logger
    let output: LineWriter

    /// Prints every line of an attached output stream until the container ends.
    func forward(component: String, lines: ContainerLogs) async {
        let prefix = output.prefix(for: component)
        do {
            for try await line in lines {
                output.write(prefix + line.text + "\n", toStandardError: line.stream == .stderr)
            }
        } catch is CancellationError {
        } catch {
            logger.debug("log stream ended: \(error)", metadata: ["component": "\(component)"])
        }
    }
}

/// Writes whole lines, one writer at a time, so lines of different components
/// are never split or merged.
final class LineWriter: Sendable {
    private let lock = Mutex(())
    private let width: Int

    init(componentNames: [String]) {
        width = componentNames.map(\.count).max() ?? 0
    }

    func prefix(for component: String) -> String {
        component.padded(to: width) + " | "
    }

    func write(_ text: String, toStandardError: Bool) {
        let stream: StandardStream = toStandardError ? .error : .output
        lock.withLock { _ in stream.write(text) }
    }
}

/// Counts the forwarders still running, so the controller can let them print a
/// stopped component's last lines before it cancels what is left.
final class ForwarderTracker: Sendable {
    private let running = Mutex(0)
    private let finished: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    init() {
        (finished, signal) = AsyncStream<Void>.makeStream()
    }

    private var count: Int { running.withLock { $0 } }

    func begin() { running.withLock { $0 += 1 } }

    func end() {
        running.withLock { $0 -= 1 }
        signal.yield()
    }

    /// Returns once no forwarder runs, or after `limit`.
    func drained(within limit: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                if self.count == 0 { return }
                for await _ in self.finished where self.count == 0 { return }
            }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }
}
