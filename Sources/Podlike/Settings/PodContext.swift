/// What the pod-level handlers know about the controller and the pod's options.
public struct PodContext: Sendable, Equatable {
    public var controllerID: String
    /// Without the leading slash.
    public var controllerName: String
    /// The holder's image and entrypoint when the controller's IPC namespace is
    /// private (every Swarm task), so components join a holder's instead; nil
    /// when they join the controller's.
    public var ipcHolder: IpcHolder.Source?
    public var cgroup: CgroupPlacement
    /// The controller's own mounts, as its inspection shows them.
    public var mounts: [ControllerMount]
    /// What components' named volumes mean in this pod.
    public var volumeReferences: VolumeReferences = .init()
    /// Bytes; nil when the controller has no memory limit.
    public var memoryLimit: Int64?
    public var nanoCpus: Int64?
    public var cpuQuota: Int64?
    public var cpuPeriod: Int64?
    /// Bytes the service reserves, by which Swarm places the pod: 0 for none, nil
    /// when unknown.
    public var memoryReservation: Int64?
    /// The controller's own OOM score adjustment; components get a higher one.
    public var controllerOomScoreAdj: Int
    public var options: PodOptions
    /// The Swarm node the pod runs on, when known.
    public var nodeID: String?

    public init(
        controllerID: String, controllerName: String, ipcHolder: IpcHolder.Source? = nil,
        cgroup: CgroupPlacement, mounts: [ControllerMount] = [], memoryLimit: Int64? = nil,
        nanoCpus: Int64? = nil, cpuQuota: Int64? = nil, cpuPeriod: Int64? = nil, memoryReservation: Int64? = nil,
        controllerOomScoreAdj: Int = 0, options: PodOptions = .init(), nodeID: String? = nil
    ) {
        self.controllerID = controllerID
        self.controllerName = controllerName.hasPrefix("/") ? String(controllerName.dropFirst()) : controllerName
        self.ipcHolder = ipcHolder
        self.cgroup = cgroup
        self.mounts = mounts
        self.memoryLimit = memoryLimit
        self.nanoCpus = nanoCpus
        self.cpuQuota = cpuQuota
        self.cpuPeriod = cpuPeriod
        self.memoryReservation = memoryReservation
        self.controllerOomScoreAdj = controllerOomScoreAdj
        self.options = options
        self.nodeID = nodeID
    }

    /// The context `podlike render` uses: no engine, a placeholder controller
    /// with the limits and the kind of host it is given.
    public static func placeholder(
        options: PodOptions = .init(), limits: CgroupLimitMode = .nested, memoryLimit: Int64? = nil,
        nanoCpus: Int64? = nil, memoryReservation: Int64? = nil
    ) -> PodContext {
        let id = String(repeating: "0", count: 64)
        let cgroup: CgroupPlacement = switch limits {
        case .nested: .nested(parent: "/docker/\(id)")
        case .distributed: .siblings(parent: nil)
        }
        return PodContext(
            controllerID: id, controllerName: "pod", cgroup: cgroup, memoryLimit: memoryLimit, nanoCpus: nanoCpus,
            memoryReservation: memoryReservation ?? 0, options: options)
    }

    public func componentContainerName(_ component: String) -> String {
        "\(controllerName).podlike.\(component)"
    }

    /// The IPC holder's container name, the one place it is decided.
    public var ipcHolderName: String { "\(controllerName).podlike-ipc" }

    /// The container whose IPC namespace components join: the holder, or the controller.
    public var ipcTarget: String { ipcHolder == nil ? controllerID : ipcHolderName }

    /// The pod the pod-level handlers' examples run in: controller `ctrl`, named
    /// `web.1`, nesting its components in `/docker/ctrl`, default flags.
    public static func example(_ change: (inout PodContext) -> Void = { _ in }) -> PodContext {
        var pod = PodContext(controllerID: "ctrl", controllerName: "web.1", cgroup: .nested(parent: "/docker/ctrl"))
        change(&pod)
        return pod
    }
}

public enum CgroupPlacement: Sendable, Equatable {
    /// Components nest under the controller's cgroup (cgroup v1, cgroupfs driver),
    /// whose limits the kernel applies to the pod as a whole.
    case nested(parent: String)
    /// Components sit next to the controller (cgroup v2, where a cgroup with
    /// processes can't have children with limits; the systemd driver, whose parents
    /// are slices), and the controller's limits are divided among them.
    case siblings(parent: String?)

    public var limitMode: CgroupLimitMode {
        switch self {
        case .nested: .nested
        case .siblings: .distributed
        }
    }
}

/// How the pod's limits hold: by the kernel, on a parent cgroup, or by dividing them.
public enum CgroupLimitMode: String, Sendable, Equatable, CaseIterable {
    case nested
    case distributed
}

/// One of the controller's mounts.
public struct ControllerMount: Codable, Sendable, Equatable {
    public var `Type`: String
    public var Name: String?
    public var Source: String
    public var Destination: String
    public var RW: Bool
    public var Propagation: String?
    public var Driver: String?

    public init(Type: String, Name: String? = nil, Source: String, Destination: String, RW: Bool = true, Propagation: String? = nil, Driver: String? = nil) {
        self.Type = Type
        self.Name = Name
        self.Source = Source
        self.Destination = Destination
        self.RW = RW
        self.Propagation = Propagation
        self.Driver = Driver
    }
}

/// The controller's flags that shape every component.
public struct PodOptions: Sendable, Equatable {
    public var sharePids: Bool
    public var shareIpc: Bool
    public var shareVolumes: Bool
    public var forwardLogs: Bool
    public var alwaysPull: Bool

    public init(sharePids: Bool = true, shareIpc: Bool = true, shareVolumes: Bool = true, forwardLogs: Bool = false, alwaysPull: Bool = false) {
        self.sharePids = sharePids
        self.shareIpc = shareIpc
        self.shareVolumes = shareVolumes
        self.forwardLogs = forwardLogs
        self.alwaysPull = alwaysPull
    }
}
