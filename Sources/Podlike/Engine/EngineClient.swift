#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import NIOCore

/// Typed calls to the Docker Engine API over any ``EngineTransport``. A value type:
/// copy it into child tasks freely; the transport owns the connections.
public struct EngineClient: Sendable {
    public let transport: any EngineTransport
    /// The version every request path carries, e.g. `/v1.41/containers/json`.
    public let apiVersion: APIVersion
    public var logger: Logger

    /// Uses `apiVersion` as given; ``connect(transport:environment:logger:)`` negotiates it.
    public init(transport: any EngineTransport, apiVersion: APIVersion = .reference, logger: Logger) {
        self.transport = transport
        self.apiVersion = apiVersion
        self.logger = logger
    }

    /// A client speaking the API version negotiated with the engine (or `DOCKER_API_VERSION`).
    public static func connect(
        transport: any EngineTransport, environment: [String: String], logger: Logger
    ) async throws -> EngineClient {
        let version = try await APIVersion.negotiate(transport: transport, environment: environment, logger: logger)
        return EngineClient(transport: transport, apiVersion: version, logger: logger)
    }

    /// Bodies we read whole (inspections, lists) are small; this only stops a runaway.
    static let maximumBodyBytes = 64 << 20
    /// Error bodies are one JSON message.
    static let maximumErrorBodyBytes = 1 << 20
}

/// Runs `body` with a client for the engine that `environment` names (`DOCKER_HOST`
/// and friends, as the docker CLI reads them), and shuts the client down however
/// `body` exits, like AsyncHTTPClient's `withHTTPClient`.
public func withEngineClient<Result>(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    logger: Logger,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (EngineClient) async throws -> Result
) async throws -> Result {
    let host = try DockerHost(environment: environment)
    return try await HTTPClientTransport.withTransport(host: host, logger: logger) { transport in
        let client = try await EngineClient.connect(transport: transport, environment: environment, logger: logger)
        client.logger.debug(
            "connected to the engine",
            metadata: ["host": "\(host.displayName)", "api-version": "\(client.apiVersion)"])
        return try await body(client)
    }
}

// MARK: - Building blocks

extension EngineClient {
    typealias Query = [(String, String?)]

    /// Sends a request and throws the engine's own error for a status outside 2xx
    /// and `tolerating`. The caller reads (or streams) the body.
    func send(
        _ method: EngineRequest.Method, _ path: String, query: Query = [], headers: EngineHeaders = [:],
        body: ByteBuffer? = nil, timeout: EngineRequest.Timeout = .standard, versioned: Bool = true,
        operation: String, tolerating: Set<Int> = []
    ) async throws -> EngineResponse {
        let request = EngineRequest(
            method: method, path: Self.encodedPath(versioned ? "/v\(apiVersion)\(path)" : path, query: query),
            headers: headers, body: body, timeout: timeout)
        logger.trace("engine request", metadata: ["method": "\(method.rawValue)", "path": "\(request.path)"])
        let response: EngineResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw EngineError.wrapping(error, operation)
        }
        if response.isSuccess || tolerating.contains(response.status) {
            return response
        }
        let errorBody: ByteBuffer
        do {
            errorBody = try await response.body.collect(upTo: Self.maximumErrorBodyBytes)
        } catch {
            errorBody = ByteBuffer()
        }
        let error = EngineError.rejected(operation, status: response.status, body: errorBody)
        logger.debug("engine request failed", metadata: ["path": "\(request.path)", "error": "\(error)"])
        throw error
    }

    /// Sends a request and reads the whole body.
    func call(
        _ method: EngineRequest.Method, _ path: String, query: Query = [], headers: EngineHeaders = [:],
        body: ByteBuffer? = nil, timeout: EngineRequest.Timeout = .standard, versioned: Bool = true,
        operation: String, tolerating: Set<Int> = []
    ) async throws -> (status: Int, headers: EngineHeaders, body: ByteBuffer) {
        let response = try await send(
            method, path, query: query, headers: headers, body: body, timeout: timeout, versioned: versioned,
            operation: operation, tolerating: tolerating)
        do {
            return (response.status, response.headers, try await response.body.collect(upTo: Self.maximumBodyBytes))
        } catch {
            throw EngineError.wrapping(error, operation)
        }
    }

    /// Sends a request and decodes the body as `type`.
    func decoded<T: Decodable>(
        _ type: T.Type, _ method: EngineRequest.Method, _ path: String, query: Query = [],
        headers: EngineHeaders = [:], body: ByteBuffer? = nil, timeout: EngineRequest.Timeout = .standard,
        operation: String
    ) async throws -> T {
        let response = try await call(
            method, path, query: query, headers: headers, body: body, timeout: timeout, operation: operation)
        return try Self.decode(type, from: response.body, operation: operation)
    }

    static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer, operation: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(body.readableBytesView))
        } catch {
            let preview = String(decoding: body.readableBytesView.prefix(200), as: UTF8.self)
            let reason = (error as? DecodingError)?.inWords ?? "it can't be read"
            throw EngineError.malformedResponse(
                operation, "the engine's answer can't be read as \(T.self) (\(reason)): \"\(preview)\"", underlying: error)
        }
    }

    static func jsonBody<T: Encodable>(_ value: T, operation: String) throws -> ByteBuffer {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return ByteBuffer(bytes: try encoder.encode(value))
        } catch {
            throw EngineError.malformedResponse(operation, "cannot encode the request body: \(error)", underlying: error)
        }
    }

    static let jsonHeaders: EngineHeaders = ["Content-Type": "application/json"]

    /// `/v1.41/containers/x/json?all=1`, with each query value percent-encoded; nil values are left out.
    static func encodedPath(_ path: String, query: Query) -> String {
        let items = query.compactMap { name, value in
            value.map { "\(name)=\($0.percentEncoded(keeping: unreserved))" }
        }
        return items.isEmpty ? path : "\(path)?\(items.joined(separator: "&"))"
    }

    /// A container ID or name as one path segment.
    static func segment(_ value: String) -> String {
        value.percentEncoded(keeping: unreserved + ":@")
    }

    /// An image reference in a path: its slashes stay, as the docker CLI sends them.
    static func imageSegment(_ value: String) -> String {
        value.percentEncoded(keeping: unreserved + ":@/")
    }

    /// RFC 3986's unreserved characters: everything else is percent-encoded.
    private static let unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"

    /// The engine's `since`/`until` form: seconds and nanoseconds since the epoch.
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        let nanoseconds = min(Int(((interval - seconds) * 1e9).rounded()), 999_999_999)
        let fraction = String(nanoseconds)
        return "\(Int64(seconds)).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
    }

    /// `{"label":["a=b"]}`, the filter form of API 1.41.
    static func filtersJSON(_ filters: [String: [String]], operation: String) throws -> String? {
        guard !filters.isEmpty else { return nil }
        return String(buffer: try jsonBody(filters, operation: operation))
    }

    static func flag(_ value: Bool) -> String { value ? "1" : "0" }
}
