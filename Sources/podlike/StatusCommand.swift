import ArgumentParser
import Podlike

/// Shows what the controller knows about each component.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each component's container, state, health, restarts and exit code.")

    @OptionGroup var socket: StatusSocketOption

    @Flag(help: "Print the status as JSON.")
    var json = false

    func run() async throws {
        let status = try await socket.fetch(for: "status")
        print(json ? String(decoding: try status.json(pretty: true), as: UTF8.self) : status.table)
    }
}
