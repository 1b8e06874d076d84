import ArgumentParser
import Foundation

/// What the IPC holder container runs: nothing, until it is told to stop.
struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Sleep until SIGTERM or SIGINT; the pod's IPC holder runs this.",
        shouldDisplay: false)

    func run() throws {
        for signal in [SIGTERM, SIGINT] {
            Foundation.signal(signal) { _ in _exit(0) }
        }
        while true { Foundation.pause() }
    }
}
