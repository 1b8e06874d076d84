// Responses of the system endpoints. Property names are the API's own, as in
// `CreateContainerRequest`; only the fields podlike reads are decoded.

/// `GET /_ping`: what the engine says in the headers of its answer.
public struct EnginePing: Sendable, Equatable {
    /// The newest API version the engine speaks.
    public var apiVersion: APIVersion?
    /// `linux` or `windows`.
    public var osType: String?

    public init(apiVersion: APIVersion? = nil, osType: String? = nil) {
        self.apiVersion = apiVersion
        self.osType = osType
    }
}

/// `GET /version`.
public struct EngineVersion: Codable, Sendable, Equatable {
    public var Version: String?
    public var ApiVersion: String?
    /// Absent on engines older than 1.24; the newest engines raised it to 1.44.
    public var MinAPIVersion: String?
    public var Os: String?
    public var Arch: String?
    public var KernelVersion: String?

    public init(Version: String? = nil, ApiVersion: String? = nil, MinAPIVersion: String? = nil) {
        self.Version = Version
        self.ApiVersion = ApiVersion
        self.MinAPIVersion = MinAPIVersion
    }
}

/// `GET /info`: what the controller needs to pick its cgroup mode and find Swarm.
public struct EngineInfo: Codable, Sendable, Equatable {
    public var ID: String
    public var Name: String
    public var ServerVersion: String?
    /// `"1"` or `"2"`.
    public var CgroupVersion: String?
    /// `cgroupfs` or `systemd`.
    public var CgroupDriver: String?
    public var OperatingSystem: String?
    public var Swarm: SwarmInfo?

    public init(ID: String, Name: String, ServerVersion: String? = nil, CgroupVersion: String? = nil, CgroupDriver: String? = nil, Swarm: SwarmInfo? = nil) {
        self.ID = ID
        self.Name = Name
        self.ServerVersion = ServerVersion
        self.CgroupVersion = CgroupVersion
        self.CgroupDriver = CgroupDriver
        self.Swarm = Swarm
    }

    public struct SwarmInfo: Codable, Sendable, Equatable {
        /// Empty when the engine is not in a swarm.
        public var NodeID: String?
        public var NodeAddr: String?
        /// `inactive`, `pending`, `active`, `error` or `locked`.
        public var LocalNodeState: String?
        /// True on managers, which alone can inspect services.
        public var ControlAvailable: Bool?

        public init(NodeID: String? = nil, LocalNodeState: String? = nil, ControlAvailable: Bool? = nil) {
            self.NodeID = NodeID
            self.LocalNodeState = LocalNodeState
            self.ControlAvailable = ControlAvailable
        }
    }
}
