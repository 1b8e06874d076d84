#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging

/// Finds the controller's own container and turns its inspection into the pod's
/// context: ID, name, cgroup placement, mounts, limits, IPC and node.
public struct ControllerDiscovery: Sendable {
    public let engine: EngineClient
    public let logger: Logger

    public init(engine: EngineClient, logger: Logger) {
        self.engine = engine
        self.logger = logger
    }

    public struct NotInContainer: Error, CustomStringConvertible {
        public var tried: [String]
        public var description: String {
            let detail = tried.isEmpty ? "no container ID in /proc/self/mountinfo, /proc/self/cgroup or the hostname" : "none of \(tried.joined(separator: ", ")) is a container on this engine"
            return "podlike must run inside a container on the engine it controls (\(detail)); run it with `docker run -v /var/run/docker.sock:/var/run/docker.sock ... podlike`, or use `podlike render` to try labels without an engine"
        }
    }

    /// Inspects the container this process runs in.
    public func locate(_ identity: ContainerIdentity = .current()) async throws -> ContainerInspect {
        for candidate in identity.candidates {
            do {
                return try await engine.inspectContainer(candidate)
            } catch let error as EngineError where error.isNotFound {
                continue
            }
        }
        throw NotInContainer(tried: identity.candidates)
    }

    /// The pod's context, from the controller's inspection and the engine's info.
    public func context(for controller: ContainerInspect, info: EngineInfo, options: PodOptions) -> PodContext {
        let cgroup = Self.placement(for: controller, info: info, selfCgroup: try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8))
        switch cgroup {
        case .nested(let parent):
            logger.info("cgroup: components nest under the controller's cgroup \(parent)")
        case .siblings:
            logger.info("cgroup: cgroup v\(info.CgroupVersion ?? "?") with the \(info.CgroupDriver ?? "?") driver can't nest components under the controller; they run next to it, and its memory and CPU limits are divided among them")
        }
        let nodeID = controller.Config.Labels?["com.docker.swarm.node.id"] ?? info.Swarm?.NodeID.flatMap { $0.isEmpty ? nil : $0 }
        return PodContext(
            controllerID: controller.Id, controllerName: controller.Name,
            cgroup: cgroup, mounts: controller.Mounts ?? [],
            memoryLimit: controller.HostConfig.Memory.flatMap { $0 > 0 ? $0 : nil },
            nanoCpus: controller.HostConfig.NanoCpus.flatMap { $0 > 0 ? $0 : nil },
            cpuQuota: controller.HostConfig.CpuQuota.flatMap { $0 > 0 ? $0 : nil },
            cpuPeriod: controller.HostConfig.CpuPeriod.flatMap { $0 > 0 ? $0 : nil },
            controllerOomScoreAdj: controller.HostConfig.OomScoreAdj ?? 0,
            options: options, nodeID: nodeID)
    }

    /// cgroup v1 with the cgroupfs driver lets components nest under the
    /// controller's cgroup; elsewhere they sit next to it.
    static func placement(for controller: ContainerInspect, info: EngineInfo, selfCgroup: String?) -> CgroupPlacement {
        let parent = controller.HostConfig.CgroupParent.flatMap { $0.isEmpty ? nil : $0 }
        guard info.CgroupVersion != "2", (info.CgroupDriver ?? "cgroupfs") == "cgroupfs" else {
            return .siblings(parent: parent)
        }
        // The path the kernel shows for this process, when it names the controller.
        let ownPath = (selfCgroup ?? "").split(separator: "\n").lazy
            .compactMap { $0.split(separator: ":", maxSplits: 2).last.map(String.init) }
            .first { $0.hasSuffix("/" + controller.Id) }
        return .nested(parent: ownPath ?? "\(parent ?? "/docker")/\(controller.Id)")
    }
}
