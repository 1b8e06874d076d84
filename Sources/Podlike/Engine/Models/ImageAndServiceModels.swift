// Image and Swarm service responses; property names are the API's own.

/// `GET /images/{name}/json`.
public struct ImageInspect: Codable, Sendable, Equatable {
    public var Id: String
    public var RepoTags: [String]?
    public var RepoDigests: [String]?
    public var Architecture: String?
    public var Os: String?
    public var Config: ImageConfig?

    public init(Id: String, RepoTags: [String]? = nil, Config: ImageConfig? = nil) {
        self.Id = Id
        self.RepoTags = RepoTags
        self.Config = Config
    }

    public struct ImageConfig: Codable, Sendable, Equatable {
        public var User: String?
        public var Env: [String]?
        public var Cmd: [String]?
        public var Entrypoint: [String]?
        public var WorkingDir: String?
        public var Labels: [String: String]?
        public var StopSignal: String?
        /// The image's HEALTHCHECK, which `depends_on: service_healthy` relies on.
        public var Healthcheck: HealthConfig?

        public init(Cmd: [String]? = nil, Labels: [String: String]? = nil, Healthcheck: HealthConfig? = nil) {
            self.Cmd = Cmd
            self.Labels = Labels
            self.Healthcheck = Healthcheck
        }
    }
}

/// `GET /services/{id}`: the labels and grace period that Swarm keeps off its task containers.
public struct ServiceInspect: Codable, Sendable, Equatable {
    public var ID: String
    public var Spec: ServiceSpec

    public init(ID: String, Spec: ServiceSpec) {
        self.ID = ID
        self.Spec = Spec
    }

    public struct ServiceSpec: Codable, Sendable, Equatable {
        public var Name: String?
        /// The service's own labels (`docker service create --label`).
        public var Labels: [String: String]?
        public var TaskTemplate: TaskSpec?

        public init(Name: String? = nil, Labels: [String: String]? = nil, TaskTemplate: TaskSpec? = nil) {
            self.Name = Name
            self.Labels = Labels
            self.TaskTemplate = TaskTemplate
        }
    }

    public struct TaskSpec: Codable, Sendable, Equatable {
        public var ContainerSpec: ServiceContainerSpec?
        public var Resources: ResourceRequirements?

        public init(ContainerSpec: ServiceContainerSpec? = nil, Resources: ResourceRequirements? = nil) {
            self.ContainerSpec = ContainerSpec
            self.Resources = Resources
        }
    }

    /// Swarm places tasks by `Reservations`; it writes `Limits` onto the task
    /// container, but not the reservations.
    public struct ResourceRequirements: Codable, Sendable, Equatable {
        public var Limits: ServiceResources?
        public var Reservations: ServiceResources?

        public init(Limits: ServiceResources? = nil, Reservations: ServiceResources? = nil) {
            self.Limits = Limits
            self.Reservations = Reservations
        }
    }

    public struct ServiceResources: Codable, Sendable, Equatable {
        public var NanoCPUs: Int64?
        public var MemoryBytes: Int64?

        public init(NanoCPUs: Int64? = nil, MemoryBytes: Int64? = nil) {
            self.NanoCPUs = NanoCPUs
            self.MemoryBytes = MemoryBytes
        }
    }

    public struct ServiceContainerSpec: Codable, Sendable, Equatable {
        public var Image: String?
        /// `--container-label`.
        public var Labels: [String: String]?
        /// Nanoseconds.
        public var StopGracePeriod: Int64?
        public var StopSignal: String?

        public init(Image: String? = nil, Labels: [String: String]? = nil, StopGracePeriod: Int64? = nil, StopSignal: String? = nil) {
            self.Image = Image
            self.Labels = Labels
            self.StopGracePeriod = StopGracePeriod
            self.StopSignal = StopSignal
        }
    }
}
