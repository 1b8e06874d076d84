import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Podlike

/// `--socket`: where `healthcheck` and `status` find the controller.
struct StatusSocketOption: ParsableArguments {
    @Option(help: "The controller's status socket. Also \(StatusSocket.environmentVariable). Default: \(StatusSocket.defaultPath).")
    var socket: String?

    var path: String { StatusSocket.path(option: socket, environment: ProcessInfo.processInfo.environment) }

    /// The pod's status, or exit 1 saying why it can't be read.
    func fetch(for command: String) async throws -> PodStatus {
        do {
            return try await StatusClient(socketPath: path).fetch()
        } catch {
            StandardStream.error.write("podlike \(command): \(error)\n")
            throw ExitCode.failure
        }
    }
}
