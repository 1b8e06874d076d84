import ArgumentParser
import Drivers
import FoundationEssentials
import Logging
import Podlike
import ServiceLifecycle

/// The controller: runs the pod that this container's labels describe.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the pod described by this container's labels (the default).")

    @OptionGroup var controller: ControllerOptions
    @OptionGroup var options: RunOptions
    @OptionGroup var logging: LogLevelOption

    func run() async throws {
        let (logger, environment) = (logging.bootstrap(default: .info), ProcessInfo.processInfo.environment)
        let settings = try options.bootstrapSettings(controller, environment: environment)
        OrphanReaping.enableIfProcessOne()
        let outcome = await PodOutcome.of(logger: logger) {
            try await withEngineClient(environment: environment, logger: logger) { engine in
                let bootstrap = PodBootstrap(engine: engine, registry: try BuiltinSettings.registry(), settings: settings, logger: logger)
                guard let prepared = try await bootstrap.prepareUnlessStopped() else { return .stopped }
                let (board, outcome) = (PodStatusBoard(plan: prepared.plan), OutcomeBox())
                let socket = StatusSocket.path(option: options.statusSocket, environment: environment)
                // Reverse order on shutdown: the socket answers while the pod stops.
                try await ServiceGroup(configuration: .init(services: [
                    .init(service: StatusServer(board: board, socketPath: socket, logger: logger),
                          successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup),
                    .init(service: PodController(engine: engine, prepared: prepared, status: board, outcome: outcome, logger: logger),
                          successTerminationBehavior: .gracefullyShutdownGroup),
                ], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)).run()
                return outcome.outcome ?? .stopped
            }
        }
        throw ExitCode(outcome.exitCode)
    }
}
