/// `HostConfig` of the create body, including the `Resources` fields that the API
/// flattens into it.
public struct HostConfig: Codable, Sendable, Equatable {
    // Resources
    public var CpuShares: Int?
    public var Memory: Int64?
    public var CgroupParent: String?
    public var BlkioWeight: Int?
    public var BlkioWeightDevice: [WeightDevice]?
    public var BlkioDeviceReadBps: [ThrottleDevice]?
    public var BlkioDeviceWriteBps: [ThrottleDevice]?
    public var BlkioDeviceReadIOps: [ThrottleDevice]?
    public var BlkioDeviceWriteIOps: [ThrottleDevice]?
    public var CpuPeriod: Int64?
    public var CpuQuota: Int64?
    public var CpuRealtimePeriod: Int64?
    public var CpuRealtimeRuntime: Int64?
    public var CpusetCpus: String?
    public var CpusetMems: String?
    public var Devices: [DeviceMapping]?
    public var DeviceCgroupRules: [String]?
    public var MemoryReservation: Int64?
    public var MemorySwap: Int64?
    public var MemorySwappiness: Int?
    public var NanoCpus: Int64?
    public var OomKillDisable: Bool?
    public var Init: Bool?
    public var PidsLimit: Int64?
    public var Ulimits: [Ulimit]?
    public var CpuCount: Int64?
    public var CpuPercent: Int64?

    // Host
    public var Binds: [String]?
    public var LogConfig: LogConfig?
    public var NetworkMode: String?
    public var RestartPolicy: RestartPolicy?
    public var AutoRemove: Bool?
    public var VolumeDriver: String?
    public var Mounts: [Mount]?
    public var CapAdd: [String]?
    public var CapDrop: [String]?
    public var GroupAdd: [String]?
    public var IpcMode: String?
    public var Cgroup: String?
    public var OomScoreAdj: Int?
    public var PidMode: String?
    public var Privileged: Bool?
    public var ReadonlyRootfs: Bool?
    public var SecurityOpt: [String]?
    public var StorageOpt: [String: String]?
    public var Tmpfs: [String: String]?
    public var UsernsMode: String?
    public var ShmSize: Int64?
    public var Sysctls: [String: String]?
    public var Runtime: String?
    public var Isolation: String?

    public init() {}
}

public struct WeightDevice: Codable, Sendable, Equatable {
    public var Path: String
    public var Weight: Int
    public init(Path: String, Weight: Int) {
        self.Path = Path
        self.Weight = Weight
    }
}

public struct ThrottleDevice: Codable, Sendable, Equatable {
    public var Path: String
    public var Rate: Int64
    public init(Path: String, Rate: Int64) {
        self.Path = Path
        self.Rate = Rate
    }
}

public struct DeviceMapping: Codable, Sendable, Equatable {
    public var PathOnHost: String
    public var PathInContainer: String
    public var CgroupPermissions: String
    public init(PathOnHost: String, PathInContainer: String, CgroupPermissions: String) {
        self.PathOnHost = PathOnHost
        self.PathInContainer = PathInContainer
        self.CgroupPermissions = CgroupPermissions
    }
}

public struct Ulimit: Codable, Sendable, Equatable {
    public var Name: String
    public var Soft: Int64
    public var Hard: Int64
    public init(Name: String, Soft: Int64, Hard: Int64) {
        self.Name = Name
        self.Soft = Soft
        self.Hard = Hard
    }
}

public struct LogConfig: Codable, Sendable, Equatable {
    public var `Type`: String
    public var Config: [String: String]?
    public init(Type: String, Config: [String: String]? = nil) {
        self.Type = Type
        self.Config = Config
    }
}

public struct RestartPolicy: Codable, Sendable, Equatable {
    public var Name: String
    public var MaximumRetryCount: Int?
}

/// One entry of `HostConfig.Mounts`.
public struct Mount: Codable, Sendable, Equatable {
    public var Target: String
    public var Source: String?
    public var `Type`: String
    public var ReadOnly: Bool?
    public var Consistency: String?
    public var BindOptions: BindOptions?
    public var VolumeOptions: VolumeOptions?
    public var TmpfsOptions: TmpfsOptions?

    public init(Type: String, Source: String?, Target: String, ReadOnly: Bool? = nil) {
        self.Type = Type
        self.Source = Source
        self.Target = Target
        self.ReadOnly = ReadOnly
    }

    public struct BindOptions: Codable, Sendable, Equatable {
        public var Propagation: String?
        public var NonRecursive: Bool?
        public init(Propagation: String? = nil) {
            self.Propagation = Propagation
        }
    }

    public struct VolumeOptions: Codable, Sendable, Equatable {
        public var NoCopy: Bool?
        public var Labels: [String: String]?
        public init(NoCopy: Bool? = nil) {
            self.NoCopy = NoCopy
        }
    }

    public struct TmpfsOptions: Codable, Sendable, Equatable {
        public var SizeBytes: Int64?
        public var Mode: Int?
        public init(SizeBytes: Int64? = nil, Mode: Int? = nil) {
            self.SizeBytes = SizeBytes
            self.Mode = Mode
        }
    }
}
