import ServiceLifecycle

/// Start-up: every image, then the IPC holder and the components' creates side
/// by side. A stop request cancels the pulls, and between phases nothing more is
/// created.
extension PodController {
    /// `.stopped` when a stop request came during start-up; nil when the pod goes on.
    func startUp(_ state: inout PodRunState) async throws -> PodOutcome? {
        // Every image first: a pull that fails leaves nothing created.
        let puller = ImagePuller(engine: engine, logger: logger, credentials: credentials)
        let (plan, alwaysPull) = (plan, pod.options.alwaysPull)
        do {
            try await cancelWhenGracefulShutdown { try await puller.ensureImages(for: plan, alwaysPull: alwaysPull) }
        } catch where Task.isShuttingDownGracefully {
            return .stopped
        }
        if Task.isShuttingDownGracefully { return .stopped }

        // The engine wants the IPC holder to exist before a component names its IPC
        // namespace, but running only when one starts: it starts while the
        // components are created, and only their starts wait for it. Init
        // components run first, alone; the others are created after them.
        let holder = try await createHolder()
        state.table.holder = holder
        var firstError: (any Error)?
        async let holderStarted: Void = startHolder(holder)
        do {
            if plan.initComponents.isEmpty { try await createRegularComponents(&state) }
        } catch {
            firstError = error
        }
        do { try await holderStarted } catch { firstError = firstError ?? error }
        if let firstError { throw firstError }
        return nil
    }

    /// The holder's ID, or nil when the pod needs none.
    private func createHolder() async throws -> String? {
        guard let holder = plan.ipcHolder else { return nil }
        do {
            return try await engine.createContainer(holder.request, name: holder.containerName ?? pod.ipcHolderName, platform: nil).id
        } catch {
            throw PodFailure(.create, "the IPC holder could not be created", underlying: error)
        }
    }

    private func startHolder(_ id: String?) async throws {
        guard let id, let holder = plan.ipcHolder else { return }
        try await start(holder.name, id: id)
    }

    /// Creates every regular component concurrently. Each success is recorded
    /// even when another create fails, so the stop phase finds it.
    func createRegularComponents(_ state: inout PodRunState) async throws {
        let results = await withTaskGroup(of: CreateResult.self) { group in
            for component in plan.regularComponents {
                group.addTask {
                    do {
                        return CreateResult(name: component.name, outcome: .success(try await createContainer(component)))
                    } catch {
                        return CreateResult(name: component.name, outcome: .failure(error))
                    }
                }
            }
            var results: [CreateResult] = []
            for await result in group { results.append(result) }
            return results
        }
        var firstError: (any Error)?
        for result in results {
            switch result.outcome {
            case .success(let id): state.table.record(result.name, id: id)
            case .failure(let error):
                state.table.createFailed = true
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
    }

    /// Creates one component and records it.
    func create(_ component: PodPlan.Component, in table: inout ContainerTable) async throws -> String {
        let id: String
        do {
            id = try await createContainer(component)
        } catch {
            table.createFailed = true
            throw error
        }
        table.record(component.name, id: id)
        return id
    }

    /// Creates the component and unpacks its `pod.copy` archive into it.
    private func createContainer(_ component: PodPlan.Component) async throws -> String {
        let created: CreatedContainer
        do {
            created = try await engine.createContainer(
                component.spec.request, name: component.spec.containerName, platform: component.spec.lifecycle.platform)
        } catch {
            throw PodFailure(.create, component: component.name, "the engine could not create it", underlying: error)
        }
        // The engine client has logged the engine's warnings, with the container's name.
        do {
            if let archive = copies[component.name] { try await CopyUploader(engine: engine).upload(archive, into: created.id, component: component.name) }
        } catch {
            // Not yet in the container table, and AutoRemove only acts once it has run.
            _ = try? await engine.removeContainer(created.id, force: true, volumes: true)
            throw error
        }
        await status.created(component.name, id: created.id)
        return created.id
    }

    func start(_ name: String, id: String) async throws {
        do {
            try await engine.startContainer(id)
        } catch {
            throw PodFailure(.start, component: name, "could not start", underlying: error)
        }
        logger.info("started", metadata: ["component": "\(name)"])
    }

    /// With `--logs`, attaches to the component's output before it starts, so
    /// not even a short-lived component's last line is lost.
    func forwardLogs(_ component: PodPlan.Component, id: String, state: inout PodRunState) async throws {
        guard pod.options.forwardLogs else { return }
        let lines = try await engine.attachOutput(id, tty: component.spec.request.Tty ?? false)
        forwarders.begin()
        let (logger, lineWriter) = (logger, lineWriter)
        state.group.addTask { [forwarders] in
            defer { forwarders.end() }
            await LogForwarder(logger: logger, output: lineWriter).forward(component: component.name, lines: lines)
        }
    }
}

/// One component's create, as a task group child returns it.
struct CreateResult: Sendable {
    var name: String
    var outcome: Result<String, any Error>
}
