import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the IPC holder container runs: nothing, until it is told to stop.
struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Sleep until SIGTERM or SIGINT; the pod's IPC holder runs this.",
        shouldDisplay: false)

    func run() throws {
        for number in [SIGTERM, SIGINT] {
            _ = signal(number) { _ in _exit(0) }
        }
        while true { pause() }
    }
}
