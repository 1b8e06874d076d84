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

    /// Prints every line of an attached output stream until the container ends,
    /// the lines of each chunk the engine sends with one write per stream.
    func forward(component: String, lines: ContainerLogs) async {
        let prefix = output.prefix(for: component)
        var iterator = lines.makeAsyncIterator()
        do {
            while let batch = try await iterator.nextBatch() {
                var standardOutput = "", standardError = ""
                for line in batch {
                    if line.stream == .stderr {
                        standardError += prefix + line.text + "\n"
                    } else {
                        standardOutput += prefix + line.text + "\n"
                    }
                }
                if !standardOutput.isEmpty { output.write(standardOutput, toStandardError: false) }
                if !standardError.isEmpty { output.write(standardError, toStandardError: true) }
            }
        } catch is CancellationError {
        } catch {
            logger.debug("log stream ended: \(error)", metadata: ["component": "\(component)"])
        }
    }
}

/// Writes whole lines, one writer at a time, so lines of different components
/// are never split or merged (a write holds one component's lines).
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
