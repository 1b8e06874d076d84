import Logging

/// Where the pod's labels come from. Swarm does not copy a service's labels onto
/// its task containers, so on a manager the service spec is read too; a container
/// label wins over a service label with the same key.
public struct PodLabelSource: Sendable {
    public let engine: EngineClient
    public let logger: Logger

    public init(engine: EngineClient, logger: Logger) {
        self.engine = engine
        self.logger = logger
    }

    public struct Labels: Sendable {
        public var labels: [String: String]
        /// The service's stop grace period, when the spec could be read.
        public var serviceStopGrace: Duration?
        /// The memory reserved for the pod, 0 for none: the service's, or the
        /// container's own outside Swarm. Nil when a Swarm task can't read its spec.
        public var memoryReservation: Int64?
    }

    public func labels(of controller: ContainerInspect, info: EngineInfo) async -> Labels {
        let containerLabels = controller.Config.Labels ?? [:]
        guard let serviceID = containerLabels["com.docker.swarm.service.id"], containerLabels["com.docker.swarm.task.id"] != nil else {
            return Labels(labels: containerLabels, serviceStopGrace: nil, memoryReservation: controller.HostConfig.MemoryReservation ?? 0)
        }
        guard info.Swarm?.ControlAvailable == true else {
            logger.notice("this node is a Swarm worker, which can't read the service spec: using container labels only (put pod labels under --container-label or `labels` to reach workers)")
            return Labels(labels: containerLabels, serviceStopGrace: nil, memoryReservation: nil)
        }
        do {
            let service = try await engine.inspectService(serviceID)
            var labels = service.Spec.Labels ?? [:]
            labels.merge(containerLabels) { _, container in container }
            let task = service.Spec.TaskTemplate
            return Labels(
                labels: labels, serviceStopGrace: task?.ContainerSpec?.StopGracePeriod.map { Duration.nanoseconds($0) },
                memoryReservation: task?.Resources?.Reservations?.MemoryBytes ?? 0)
        } catch {
            logger.warning("could not read the service spec (\(error)); using container labels only")
            return Labels(labels: containerLabels, serviceStopGrace: nil, memoryReservation: nil)
        }
    }
}
