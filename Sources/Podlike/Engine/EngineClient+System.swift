#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension EngineClient {
    /// `GET /_ping`: the engine is up; its headers say which API it speaks.
    public func ping() async throws -> EnginePing {
        let response = try await call(.get, "/_ping", versioned: false, operation: "ping")
        return EnginePing(
            apiVersion: response.headers["API-Version"].flatMap(APIVersion.init),
            osType: response.headers["OSType"])
    }

    /// `GET /version`.
    public func version() async throws -> EngineVersion {
        try await decoded(EngineVersion.self, .get, "/version", operation: "read version")
    }

    /// `GET /info`: cgroup version and driver, Swarm role.
    public func info() async throws -> EngineInfo {
        try await decoded(EngineInfo.self, .get, "/info", operation: "read engine info")
    }
}
