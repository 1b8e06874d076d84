#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import NIOCore

/// An Engine API version such as `1.41`. Every request path carries one.
public struct APIVersion: Sendable, Hashable, Comparable, CustomStringConvertible, LosslessStringConvertible {
    public var major: Int
    public var minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    public init?(_ description: String) {
        let parts = description.trimmingWhitespace.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else {
            return nil
        }
        self.init(major, minor)
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: APIVersion, rhs: APIVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// The version our reference spec describes, and the newest we ask for.
    public static let reference = APIVersion(1, 41)
    /// The oldest engine API we work with (Docker 19.03).
    public static let oldestSupported = APIVersion(1, 40)
}

extension APIVersion {
    /// Picks the version to speak. `DOCKER_API_VERSION` wins outright, as in the CLI.
    /// Otherwise min(engine, reference): old engines reject versions newer than
    /// theirs, and the newest reject ones below their minimum, so then we use that.
    public static func negotiate(
        transport: some EngineTransport, environment: [String: String], logger: Logger
    ) async throws -> APIVersion {
        if let pinned = environment["DOCKER_API_VERSION"], !pinned.isEmpty {
            guard let version = APIVersion(pinned) else {
                throw EngineError.badConfiguration("DOCKER_API_VERSION \"\(pinned)\" is not a version like \"1.41\"")
            }
            logger.debug("engine API version pinned by DOCKER_API_VERSION", metadata: ["api-version": "\(version)"])
            return version
        }

        var engineVersion = try await pingVersion(transport: transport)
        var minimumVersion: APIVersion?
        if engineVersion == nil || engineVersion! > reference {
            // Only /version tells the minimum, and only engines newer than our
            // reference can have raised it above what we ask for.
            let report = try await versionReport(transport: transport)
            engineVersion = engineVersion ?? report.ApiVersion.flatMap(APIVersion.init)
            minimumVersion = report.MinAPIVersion.flatMap(APIVersion.init)
        }
        guard let engineVersion else {
            throw EngineError.malformedResponse("negotiate API version", "the engine reports no API version in /_ping or /version")
        }
        var chosen = min(engineVersion, reference)
        if let minimumVersion, chosen < minimumVersion {
            chosen = minimumVersion
        }
        guard chosen >= oldestSupported else {
            throw EngineError.unsupportedEngine(
                "the engine speaks API \(engineVersion), older than \(oldestSupported), the oldest podlike supports; upgrade Docker to 19.03 or later")
        }
        logger.debug(
            "negotiated engine API version",
            metadata: ["api-version": "\(chosen)", "engine-api-version": "\(engineVersion)"])
        return chosen
    }

    /// The `API-Version` header of `/_ping`; the engine sends it even with an error status.
    private static func pingVersion(transport: some EngineTransport) async throws -> APIVersion? {
        let operation = "ping"
        let response: EngineResponse
        do {
            response = try await transport.send(EngineRequest(method: .get, path: "/_ping"))
            _ = try await response.body.collect(upTo: 64 * 1024)
        } catch {
            throw EngineError.wrapping(error, operation)
        }
        return response.headers["API-Version"].flatMap(APIVersion.init)
    }

    private static func versionReport(transport: some EngineTransport) async throws -> EngineVersion {
        let operation = "read version"
        let response: EngineResponse
        let body: ByteBuffer
        do {
            response = try await transport.send(EngineRequest(method: .get, path: "/version"))
            body = try await response.body.collect(upTo: EngineClient.maximumBodyBytes)
        } catch {
            throw EngineError.wrapping(error, operation)
        }
        guard response.isSuccess else {
            throw EngineError.rejected(operation, status: response.status, body: body)
        }
        return try EngineClient.decode(EngineVersion.self, from: body, operation: operation)
    }
}
