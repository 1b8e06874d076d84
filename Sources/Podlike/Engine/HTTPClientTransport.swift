import AsyncHTTPClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Logging
import NIOCore
import NIOSSL

/// The real transport, over AsyncHTTPClient. It keeps two clients because
/// AsyncHTTPClient sets the idle read timeout per client: ordinary calls get one,
/// streams (events, logs, wait, pull) must have none.
public struct HTTPClientTransport: EngineTransport {
    /// How long ordinary calls may take; streams are never bounded.
    public struct Timeouts: Sendable {
        public var connect: TimeAmount
        /// Both the deadline for the response head and the idle time between reads.
        public var standard: TimeAmount

        public init(connect: TimeAmount = .seconds(10), standard: TimeAmount = .seconds(120)) {
            self.connect = connect
            self.standard = standard
        }
    }

    public let host: DockerHost
    private let timeouts: Timeouts
    private let boundedClient: HTTPClient
    private let streamingClient: HTTPClient
    private let logger: Logger

    /// Call ``shutdown()`` when done, or use ``withTransport(host:timeouts:logger:_:)``.
    public init(host: DockerHost, timeouts: Timeouts = .init(), logger: Logger) throws {
        let tls = try host.tls.map(Self.tlsConfiguration)
        var timeouts = timeouts
        if case .unixSocket = host.endpoint {
            // A local socket connects at once or is refused; AsyncHTTPClient retries a
            // refused connect until this deadline, so an engine that went away (restarted,
            // crashed) would hold every call of the pod's stop for the whole of it.
            timeouts.connect = min(timeouts.connect, .seconds(2))
        }
        self.host = host
        self.timeouts = timeouts
        self.logger = logger

        var bounded = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: timeouts.connect, read: timeouts.standard))
        bounded.httpVersion = .http1Only
        // A pod creates and starts its components all at once, one request each;
        // past this limit requests wait for a connection, so a start or stop of
        // a large pod would go in waves.
        bounded.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = PodInputLimits.components + 8

        var streaming = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: timeouts.connect, read: nil))
        streaming.httpVersion = .http1Only
        // Each stream holds a connection for as long as it lives: one per component
        // for logs and wait, plus events. The default of 8 would queue the ninth forever.
        streaming.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 512

        self.boundedClient = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: bounded, backgroundActivityLogger: logger)
        self.streamingClient = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: streaming, backgroundActivityLogger: logger)
    }

    /// Runs `body` with a transport that is shut down however `body` exits.
    public static func withTransport<Result>(
        host: DockerHost, timeouts: Timeouts = .init(), logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (HTTPClientTransport) async throws -> Result
    ) async throws -> Result {
        let transport = try HTTPClientTransport(host: host, timeouts: timeouts, logger: logger)
        let result: Result
        do {
            result = try await body(transport)
        } catch {
            do {
                try await transport.shutdown()
            } catch let shutdownError {
                logger.debug("engine client shutdown failed: \(shutdownError)")
            }
            throw error
        }
        try await transport.shutdown()
        return result
    }

    /// Shuts down both clients, cancelling any stream still open.
    public func shutdown() async throws {
        var firstError: (any Error)?
        for client in [boundedClient, streamingClient] {
            do {
                try await client.shutdown()
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
    }

    public func send(_ request: EngineRequest) async throws -> EngineResponse {
        if case .unixSocket(let path) = host.endpoint, !FileManager.default.fileExists(atPath: path) {
            // Fail at once with the usual cause, rather than after AsyncHTTPClient's connect retries.
            throw Unreachable(
                host: host,
                reason: "there is no socket at \(path); mount the engine's socket into this container (-v /var/run/docker.sock:/var/run/docker.sock) or set DOCKER_HOST")
        }
        let httpRequest = makeHTTPRequest(request)
        let response: HTTPClientResponse
        do {
            switch request.timeout {
            case .standard:
                response = try await boundedClient.execute(httpRequest, timeout: timeouts.standard, logger: logger)
            case .unlimited:
                // The deadline covers only the wait for the response head, but `stop` and
                // `wait` may legitimately hold that back for as long as a container runs.
                response = try await streamingClient.execute(httpRequest, deadline: .distantFuture, logger: logger)
            }
        } catch {
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
            if let error = error as? HTTPClientError, error == .deadlineExceeded || error == .readTimeout {
                throw Unreachable(host: host, reason: "no answer within \(timeouts.standard.nanoseconds / 1_000_000_000) seconds")
            }
            throw Unreachable(host: host, reason: "\(error)")
        }
        var headers = EngineHeaders()
        for (name, value) in response.headers {
            headers.add(name: name, value: value)
        }
        return EngineResponse(status: Int(response.status.code), headers: headers, body: EngineBody(response.body))
    }

    /// The engine could not be reached; names the host, since that is what to check.
    struct Unreachable: Error, CustomStringConvertible {
        var host: DockerHost
        var reason: String
        var description: String { "cannot reach the engine at \(host.displayName): \(reason)" }
    }

    func makeHTTPRequest(_ request: EngineRequest) -> HTTPClientRequest {
        var httpRequest = HTTPClientRequest(url: host.baseURL + request.path)
        httpRequest.method = .init(rawValue: request.method.rawValue)
        for field in request.headers {
            httpRequest.headers.add(name: field.name, value: field.value)
        }
        if case .unixSocket = host.endpoint {
            // The engine answers 400 to the Host header AsyncHTTPClient derives from a socket path.
            httpRequest.headers.replaceOrAdd(name: "Host", value: "localhost")
        }
        if let body = request.body {
            httpRequest.body = .bytes(body)
        }
        return httpRequest
    }

    static func tlsConfiguration(_ files: DockerHost.TLSFiles) throws -> TLSConfiguration {
        let fileManager = FileManager.default
        var configuration = TLSConfiguration.makeClientConfiguration()
        if files.verifyServer {
            guard fileManager.fileExists(atPath: files.caCertificate) else {
                throw EngineError.badConfiguration(
                    "DOCKER_TLS_VERIFY is set but \(files.caCertificate) does not exist; set DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem")
            }
            configuration.trustRoots = .file(files.caCertificate)
            configuration.certificateVerification = .fullVerification
        } else {
            configuration.certificateVerification = .none
        }
        let hasCertificate = fileManager.fileExists(atPath: files.clientCertificate)
        let hasKey = fileManager.fileExists(atPath: files.clientKey)
        if hasCertificate != hasKey {
            throw EngineError.badConfiguration(
                "found only one of \(files.clientCertificate) and \(files.clientKey); a client certificate needs both")
        }
        if hasCertificate {
            do {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(files.clientCertificate)
                    .map { .certificate($0) }
            } catch {
                throw EngineError.badConfiguration("cannot read the client certificate \(files.clientCertificate): \(error)")
            }
            do {
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: files.clientKey, format: .pem))
            } catch {
                throw EngineError.badConfiguration("cannot read the client key \(files.clientKey): \(error)")
            }
        }
        return configuration
    }
}
