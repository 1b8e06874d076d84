import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Podlike
import PodlikeFlags

@main
struct PodlikeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podlike",
        abstract: "Runs Kubernetes-style pods on Docker: the components in this container's labels share its namespaces.",
        subcommands: [RunCommand.self, RenderCommand.self, TemplateCommand.self, SettingsCommand.self, ReapCommand.self, StatusCommand.self, HealthcheckCommand.self, PauseCommand.self],
        defaultSubcommand: RunCommand.self)

    /// Rewrites the original tool's Go-style flags (`-logs`, `-pids=false`) first.
    static func main() async {
        let arguments: [String]
        do {
            arguments = try LegacyFlagSpelling.normalize(Array(CommandLine.arguments.dropFirst()))
        } catch {
            StandardStream.error.write("podlike: \(error)\n")
            Glibc.exit(PodFailure.Code.invalidInput.exitCode)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // A flag podlike can't read is bad input like any other: 125, as docker run
            // has it, rather than the parser's 64. Help and version still exit 0.
            if exitCode(for: error) == .validationFailure {
                StandardStream.error.write(fullMessage(for: error) + "\n")
                Glibc.exit(PodFailure.Code.invalidInput.exitCode)
            }
            exit(withError: error)
        }
    }
}
