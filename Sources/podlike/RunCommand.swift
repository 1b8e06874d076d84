import ArgumentParser
import Drivers
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import Podlike
import ServiceLifecycle

/// The controller: runs the pod that this container's labels describe.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pod described by this container's labels (the default).")

    @OptionGroup var controller: ControllerOptions

    @Option(help: "The time the whole pod gets to stop, like 10s or 1m30s. Default: the controller's own stop timeout (docker run --stop-timeout) or the Swarm service's stop grace period, else 10s.")
    var stopGrace: String?

    @Option(help: "A Docker config.json with registry credentials (an \"auths\" section). Also PODLIKE_REGISTRY_AUTH.")
    var registryAuth: String?

    @Option(help: "Where to serve the pod's status for `podlike status` and `podlike healthcheck`. Also \(StatusSocket.environmentVariable). Default: \(StatusSocket.defaultPath).")
    var statusSocket: String?

    @OptionGroup var logging: LogLevelOption

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = logging.bootstrap(default: .info)
        let explicitGrace = try stopGrace.map(Self.duration)

        let outcome: PodOutcome
        do {
            outcome = try await withEngineClient(environment: environment, logger: logger) { engine in
                try await runPod(engine: engine, environment: environment, explicitGrace: explicitGrace, logger: logger)
            }
        } catch let failure as PodValidationFailure {
            StandardStream.error.write("\(failure)\n")
            throw ExitCode(PodOutcome.failureExitCode)
        } catch {
            logger.error("\(error)")
            throw ExitCode(PodOutcome.failureExitCode)
        }
        if outcome.exitCode != 0 { logger.notice("pod ended: \(outcome)") }
        throw ExitCode(outcome.exitCode)
    }

    private func runPod(engine: EngineClient, environment: [String: String], explicitGrace: Duration?, logger: Logger) async throws -> PodOutcome {
        let discovery = ControllerDiscovery(engine: engine, logger: logger)
        let me = try await discovery.locate()
        let info = try await engine.info()
        let source = await PodLabelSource(engine: engine, logger: logger).labels(of: me, info: info)

        // Validate everything before anything is created.
        let registry = try BuiltinSettings.registry()
        let settings = SettingContext(baseDirectory: "/", processEnvironment: environment)
        let validated = try PodPlanner(driver: ComponentDriver(registry: registry, context: settings))
            .plan(labels: source.labels) { path in try TextFile.read(path) }

        // Remove what killed pods left on this node before creating ours, this
        // controller's own earlier run first: its containers hold our names.
        let reaper = Reaper(engine: engine, logger: logger)
        do {
            try await reaper.reapEarlierRun(of: me.Id)
        } catch {
            logger.warning("could not remove what this controller's earlier run left: \(error)")
        }
        do {
            _ = try await reaper.reap(excluding: me.Id)
        } catch {
            logger.warning("could not look for orphaned pod containers: \(error)")
        }

        let options = controller.podOptions
        let needsHolder = options.shareIpc && !IpcHolder.canJoin(ipcMode: me.HostConfig.IpcMode)
        var pod = discovery.context(for: me, info: info, options: options, ipcTarget: nil)
        pod.memoryReservation = source.memoryReservation
        pod.volumeReferences = await VolumeReferences.discover(engine: engine, controller: me, logger: logger)
        if needsHolder {
            pod.ipcTarget = IpcHolder.containerName(for: pod)
            logger.info("the controller's IPC namespace is \(me.HostConfig.IpcMode ?? "private"); components join a holder container's instead")
        }
        let plan = try validated.applying(pod, registry: registry)
        for warning in plan.warnings { logger.warning("\(warning)") }

        let credentialsPath = registryAuth ?? environment["PODLIKE_REGISTRY_AUTH"] ?? RegistryCredentials.defaultPath
        let outcome = OutcomeBox()
        let board = PodStatusBoard(plan: plan)
        let statusServer = StatusServer(
            board: board, socketPath: StatusSocket.path(option: statusSocket, environment: environment), logger: logger)
        let service = try PodController(
            engine: engine, plan: plan, pod: pod,
            ipcHolder: needsHolder ? IpcHolder.request(image: me.Image, entrypoint: me.Config.Entrypoint, pod: pod) : nil,
            stopGrace: GraceBudget.choose(explicit: explicitGrace, controller: me, serviceStopGrace: source.serviceStopGrace),
            credentials: try RegistryCredentials.load(path: credentialsPath),
            status: board, outcome: outcome, logger: logger)
        let group = ServiceGroup(configuration: .init(
            // Reverse order on shutdown: the socket answers while the pod stops.
            services: [
                .init(service: statusServer, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup),
                .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
        return outcome.outcome ?? .stopped
    }

    static func duration(_ text: String) throws -> Duration {
        guard let nanoseconds = ComposeDuration.nanoseconds(text) else {
            throw ArgumentParser.ValidationError("--stop-grace: expected a duration like 10s or 1m30s, \(ComposeDuration.range), got \"\(text)\"")
        }
        return .nanoseconds(nanoseconds)
    }
}
