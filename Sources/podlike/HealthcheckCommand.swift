import ArgumentParser
import Podlike

/// What the image's HEALTHCHECK runs, so Swarm sees the whole pod's health.
struct HealthcheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 while the pod is healthy, else 1, naming the components that are not.")

    @OptionGroup var socket: StatusSocketOption

    func run() async throws {
        let status = try await socket.fetch(for: "healthcheck")
        print(status.healthReport)
        if status.health != .healthy { throw ExitCode.failure }
    }
}
