/// The body of `POST /containers/create` (Engine API v1.41, `ContainerConfig` plus
/// `HostConfig` and `NetworkingConfig`). Property names are the API's own, so the
/// synthesized coding keys are the wire names and unset fields are left out.
public struct CreateContainerRequest: Codable, Sendable, Equatable {
    public var Hostname: String?
    public var Domainname: String?
    public var User: String?
    public var AttachStdin: Bool?
    public var AttachStdout: Bool?
    public var AttachStderr: Bool?
    public var Tty: Bool?
    public var OpenStdin: Bool?
    public var StdinOnce: Bool?
    public var Env: [String]?
    public var Cmd: [String]?
    public var Healthcheck: HealthConfig?
    public var Image: String?
    public var Volumes: [String: EmptyObject]?
    public var WorkingDir: String?
    public var Entrypoint: [String]?
    public var Labels: [String: String]?
    public var StopSignal: String?
    public var StopTimeout: Int?
    public var HostConfig: HostConfig
    public var NetworkingConfig: NetworkingConfig?

    public init(Image: String? = nil, HostConfig: HostConfig = .init()) {
        self.Image = Image
        self.HostConfig = HostConfig
    }
}

/// `{}` on the wire, as the API wants for `Volumes` entries.
public struct EmptyObject: Codable, Sendable, Equatable {
    public init() {}
}

public struct NetworkingConfig: Codable, Sendable, Equatable {
    public var EndpointsConfig: [String: EmptyObject]?
    public init() {}
}

public struct HealthConfig: Codable, Sendable, Equatable {
    public var Test: [String]?
    /// Nanoseconds, like every duration in the API.
    public var Interval: Int64?
    public var Timeout: Int64?
    public var Retries: Int?
    public var StartPeriod: Int64?

    public init(Test: [String]? = nil) {
        self.Test = Test
    }
}
