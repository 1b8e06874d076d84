import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import Podlike

/// Removes the components and IPC holders of pods whose controller is gone or has
/// stopped, on the engine that DOCKER_HOST (or the default socket) names.
struct ReapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reap",
        abstract: "Remove the containers of pods whose controller is gone or has stopped, on this engine.",
        discussion: """
            Works inside a container with the engine socket mounted, and on a host. \
            Prints one line per removed container; exits 125 when the engine fails.
            """)

    @Flag(help: "Only list the orphans; remove nothing.")
    var dryRun = false

    @OptionGroup var logging: LogLevelOption

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = logging.bootstrap(default: .warning)

        let report: Reaper.Report
        do {
            report = try await withEngineClient(environment: environment, logger: logger) { engine in
                let reaper = Reaper(engine: engine, logger: logger)
                guard !dryRun else {
                    var listed = Reaper.Report()
                    listed.removed = try await reaper.orphans()
                    return listed
                }
                return try await reaper.reap()
            }
        } catch {
            StandardStream.error.write("podlike reap: \(error)\n")
            throw ExitCode(PodFailure.Code.engine.exitCode)
        }

        let verb = dryRun ? "orphan" : "removed"
        for orphan in report.removed {
            print("\(verb) \(orphan)")
        }
        for failure in report.failed {
            StandardStream.error.write("podlike reap: could not remove \(failure.orphan): \(failure.error)\n")
        }
        print(Self.summary(report, dryRun: dryRun))
        if !report.failed.isEmpty { throw ExitCode(PodFailure.Code.engine.exitCode) }
    }

    static func summary(_ report: Reaper.Report, dryRun: Bool) -> String {
        let count = report.removed.count
        let pods = Set(report.removed.map(\.controllerID)).count
        let containers = count == 1 ? "1 container" : "\(count) containers"
        let ofPods = pods == 1 ? "1 pod" : "\(pods) pods"
        var line = count == 0
            ? "no orphans"
            : (dryRun ? "\(containers) of \(ofPods) would be removed" : "removed \(containers) of \(ofPods)")
        if !report.failed.isEmpty { line += "; \(report.failed.count) could not be removed" }
        return line
    }
}
