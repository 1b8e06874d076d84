import Logging

/// Everything a pod needs before it runs, decided once: the controller's own
/// container, its labels, the validated plan with the pod applied, the IPC
/// holder when one is needed, the grace budget, registry credentials and the
/// `pod.copy` files. Nothing is created here; what killed pods left is removed.
public struct PodBootstrap: Sendable {
    /// The flags and environment that decide the pod, as the command line read them.
    public struct Settings: Sendable {
        public var options: PodOptions
        /// `--stop-grace`.
        public var stopGrace: Duration?
        /// `--registry-auth`.
        public var registryAuth: String?
        public var environment: [String: String]

        public init(options: PodOptions, stopGrace: Duration? = nil, registryAuth: String? = nil, environment: [String: String] = [:]) {
            self.options = options
            self.stopGrace = stopGrace
            self.registryAuth = registryAuth
            self.environment = environment
        }

        /// `--registry-auth`, else `PODLIKE_REGISTRY_AUTH`, else the `podlike-registry-auth` secret.
        public var credentialsPath: String {
            registryAuth ?? environment["PODLIKE_REGISTRY_AUTH"] ?? RegistryCredentials.defaultPath
        }
    }

    public let engine: EngineClient
    public let registry: HandlerRegistry
    public let settings: Settings
    public let identity: ContainerIdentity
    public let logger: Logger

    public init(engine: EngineClient, registry: HandlerRegistry, settings: Settings, identity: ContainerIdentity = .current(), logger: Logger) {
        self.engine = engine
        self.registry = registry
        self.settings = settings
        self.identity = identity
        self.logger = logger
    }

    /// Throws `PodValidationFailure` for labels podlike can't run, before anything
    /// is created or removed.
    public func prepare() async throws -> PreparedPod {
        let discovery = ControllerDiscovery(engine: engine, logger: logger)
        // The engine's info is its slowest answer here; it comes while the controller is found.
        async let engineInfo = engine.info()
        let controller = try await discovery.locate(identity)
        let info = try await engineInfo
        let source = await PodLabelSource(engine: engine, logger: logger).labels(of: controller, info: info)

        // Validate everything before anything is created.
        let driver = ComponentDriver(registry: registry, context: SettingContext(baseDirectory: "/", processEnvironment: settings.environment))
        let validated = try PodPlanner(driver: driver).plan(labels: source.labels) { path in try TextFile.read(path) }
        let credentials = try RegistryCredentials.load(path: settings.credentialsPath)

        await reapBefore(controller.Id)

        var pod = discovery.context(for: controller, info: info, options: settings.options)
        pod.memoryReservation = source.memoryReservation
        pod.volumeReferences = await VolumeReferences.discover(engine: engine, controller: controller, logger: logger)
        if settings.options.shareIpc, !IpcHolder.canJoin(ipcMode: controller.HostConfig.IpcMode) {
            pod.ipcHolder = IpcHolder.Source(image: controller.Image, entrypoint: controller.Config.Entrypoint)
            logger.info("the controller's IPC namespace is \(controller.HostConfig.IpcMode ?? "private"); components join a holder container's instead")
        }
        let plan = try driver.applying(pod, to: validated)
        for warning in plan.warnings { logger.warning("\(warning)") }
        return PreparedPod(
            plan: plan, pod: pod,
            stopGrace: GraceBudget.choose(explicit: settings.stopGrace, controller: controller, serviceStopGrace: source.serviceStopGrace),
            credentials: credentials, copies: try CopyUploader.archives(for: plan.components))
    }

    /// Removes what killed pods left on this node before ours is created: this
    /// controller's own earlier run first, whose containers hold our names, then
    /// every other orphan. Neither stops the pod when it fails.
    private func reapBefore(_ controllerID: String) async {
        let reaper = Reaper(engine: engine, logger: logger)
        do {
            try await reaper.reapEarlierRun(of: controllerID)
        } catch {
            logger.warning("could not remove what this controller's earlier run left: \(error)")
        }
        do {
            _ = try await reaper.reap(excluding: controllerID)
        } catch {
            logger.warning("could not look for orphaned pod containers: \(error)")
        }
    }
}

/// A pod ready to run: what `PodBootstrap` decided, for `PodController`.
public struct PreparedPod: Sendable {
    public var plan: PodPlan
    public var pod: PodContext
    public var stopGrace: Duration
    public var credentials: RegistryCredentials
    /// Each component's `pod.copy` files as a tar archive, read before anything is created.
    public var copies: [String: [UInt8]]

    public init(plan: PodPlan, pod: PodContext, stopGrace: Duration, credentials: RegistryCredentials, copies: [String: [UInt8]] = [:]) {
        self.plan = plan
        self.pod = pod
        self.stopGrace = stopGrace
        self.credentials = credentials
        self.copies = copies
    }
}
