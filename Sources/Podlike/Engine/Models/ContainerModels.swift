// Container responses. Property names are the API's own; nested types carry a
// prefix so that they don't clash with the property of the same name.

/// `POST /containers/create`.
public struct CreatedContainer: Codable, Sendable, Equatable {
    public var id: String
    /// The engine's warnings, e.g. a limit the kernel can't enforce. Never drop these.
    public var warnings: [String]

    public init(id: String, warnings: [String] = []) {
        self.id = id
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case warnings = "Warnings"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try container.decode(String.self, forKey: .id)
        // The engine sends `null` rather than `[]` when there is nothing to say.
        self.warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
    }
}

/// `GET /containers/{id}/json`, the fields the controller reads.
public struct ContainerInspect: Codable, Sendable, Equatable {
    public var Id: String
    /// With the leading slash, as the engine reports it.
    public var Name: String
    /// The image ID (`sha256:...`); the name it was created from is `Config.Image`.
    public var Image: String
    public var Created: String?
    public var State: ContainerState
    public var Config: ContainerConfig
    public var HostConfig: ContainerHostConfig
    public var Mounts: [ControllerMount]?

    public init(Id: String, Name: String, Image: String = "", State: ContainerState, Config: ContainerConfig = .init(), HostConfig: ContainerHostConfig = .init(), Mounts: [ControllerMount]? = nil) {
        self.Id = Id
        self.Name = Name
        self.Image = Image
        self.State = State
        self.Config = Config
        self.HostConfig = HostConfig
        self.Mounts = Mounts
    }

    public struct ContainerState: Codable, Sendable, Equatable {
        /// `created`, `running`, `paused`, `restarting`, `removing`, `exited` or `dead`.
        public var Status: String
        public var Running: Bool
        public var Paused: Bool?
        public var Restarting: Bool?
        public var OOMKilled: Bool?
        public var Dead: Bool?
        /// 0 when the container never ran.
        public var Pid: Int
        public var ExitCode: Int
        public var Error: String?
        public var StartedAt: String?
        public var FinishedAt: String?
        /// Only for containers with a healthcheck.
        public var Health: ContainerHealth?

        public init(Status: String, Running: Bool, Pid: Int = 0, ExitCode: Int = 0, Health: ContainerHealth? = nil) {
            self.Status = Status
            self.Running = Running
            self.Pid = Pid
            self.ExitCode = ExitCode
            self.Health = Health
        }
    }

    public struct ContainerHealth: Codable, Sendable, Equatable {
        /// `starting`, `healthy` or `unhealthy` (`none` with no healthcheck).
        public var Status: String
        public var FailingStreak: Int?
        /// The last few probes, newest last: their output says why a component is unhealthy.
        public var Log: [HealthProbe]?

        public init(Status: String, FailingStreak: Int? = nil, Log: [HealthProbe]? = nil) {
            self.Status = Status
            self.FailingStreak = FailingStreak
            self.Log = Log
        }
    }

    public struct HealthProbe: Codable, Sendable, Equatable {
        public var Start: String?
        public var End: String?
        public var ExitCode: Int?
        public var Output: String?
    }

    public struct ContainerConfig: Codable, Sendable, Equatable {
        public var Hostname: String?
        public var Image: String?
        public var Labels: [String: String]?
        public var Tty: Bool?
        public var Env: [String]?
        public var Cmd: [String]?
        public var Entrypoint: [String]?
        public var StopSignal: String?
        public var StopTimeout: Int?
        public var Healthcheck: HealthConfig?

        public init(Hostname: String? = nil, Image: String? = nil, Labels: [String: String]? = nil, Tty: Bool? = nil, Healthcheck: HealthConfig? = nil) {
            self.Hostname = Hostname
            self.Image = Image
            self.Labels = Labels
            self.Tty = Tty
            self.Healthcheck = Healthcheck
        }
    }

    /// Limits read 0 when unset, as the engine reports them.
    public struct ContainerHostConfig: Codable, Sendable, Equatable {
        public var Memory: Int64?
        public var NanoCpus: Int64?
        public var CpuQuota: Int64?
        public var CpuPeriod: Int64?
        /// Swarm writes the service's memory reservation here.
        public var MemoryReservation: Int64?
        public var OomScoreAdj: Int?
        /// `private`, `shareable`, `host`, `container:<id>`, or empty.
        public var IpcMode: String?
        public var PidMode: String?
        public var NetworkMode: String?
        public var CgroupParent: String?
        public var AutoRemove: Bool?

        public init(Memory: Int64? = nil, NanoCpus: Int64? = nil, CpuQuota: Int64? = nil, CpuPeriod: Int64? = nil, MemoryReservation: Int64? = nil, OomScoreAdj: Int? = nil, IpcMode: String? = nil, PidMode: String? = nil, NetworkMode: String? = nil, CgroupParent: String? = nil, AutoRemove: Bool? = nil) {
            self.Memory = Memory
            self.NanoCpus = NanoCpus
            self.CpuQuota = CpuQuota
            self.CpuPeriod = CpuPeriod
            self.MemoryReservation = MemoryReservation
            self.OomScoreAdj = OomScoreAdj
            self.IpcMode = IpcMode
            self.PidMode = PidMode
            self.NetworkMode = NetworkMode
            self.CgroupParent = CgroupParent
            self.AutoRemove = AutoRemove
        }
    }
}

/// One entry of `GET /containers/json`.
public struct ContainerSummary: Codable, Sendable, Equatable {
    public var Id: String
    /// With leading slashes.
    public var Names: [String]
    public var Image: String?
    public var ImageID: String?
    public var Command: String?
    public var Created: Int64?
    /// `created`, `running`, `exited`, ...
    public var State: String?
    /// Human-readable, e.g. `Exited (0) 2 seconds ago`.
    public var Status: String?
    public var Labels: [String: String]?

    public init(Id: String, Names: [String] = [], State: String? = nil, Labels: [String: String]? = nil) {
        self.Id = Id
        self.Names = Names
        self.State = State
        self.Labels = Labels
    }
}

/// `POST /containers/{id}/wait`.
struct ContainerWaitResponse: Decodable {
    struct WaitError: Decodable {
        var Message: String?
    }

    var StatusCode: Int
    var Error: WaitError?
}

/// What `waitContainer` waits for; the API's `condition`.
public enum WaitCondition: String, Sendable {
    /// Returns at once for a container that is not running.
    case notRunning = "not-running"
    /// Waits for the next exit even of a stopped container: call before starting it.
    case nextExit = "next-exit"
    case removed = "removed"
}
