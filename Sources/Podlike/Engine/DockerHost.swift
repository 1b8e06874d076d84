#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the engine listens and how to talk to it, read from the environment the
/// way the docker CLI reads it, so a pod runs wherever `docker` works.
public struct DockerHost: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case unixSocket(path: String)
        /// `host` without IPv6 brackets.
        case tcp(host: String, port: Int)
    }

    /// The files of a TLS connection (`DOCKER_CERT_PATH`), as the CLI names them.
    public struct TLSFiles: Sendable, Equatable {
        /// `DOCKER_TLS_VERIFY`: check the engine's certificate against `ca.pem`.
        public var verifyServer: Bool
        public var caCertificate: String
        public var clientCertificate: String
        public var clientKey: String

        public init(directory: String, verifyServer: Bool) {
            let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            self.verifyServer = verifyServer
            self.caCertificate = "\(folder)/ca.pem"
            self.clientCertificate = "\(folder)/cert.pem"
            self.clientKey = "\(folder)/key.pem"
        }
    }

    public static let defaultSocketPath = "/var/run/docker.sock"

    public var endpoint: Endpoint
    public var tls: TLSFiles?

    public init(endpoint: Endpoint, tls: TLSFiles? = nil) {
        self.endpoint = endpoint
        self.tls = tls
    }

    /// Reads `DOCKER_HOST` (`unix:///path`, `tcp://host:port`, or a bare `host:port`),
    /// and `DOCKER_TLS_VERIFY`, `DOCKER_TLS` and `DOCKER_CERT_PATH`. Like the CLI, any
    /// non-empty `DOCKER_TLS_VERIFY` turns verification on, even "0".
    public init(environment: [String: String]) throws {
        let verify = !(environment["DOCKER_TLS_VERIFY"] ?? "").isEmpty
        let useTLS = verify || !(environment["DOCKER_TLS"] ?? "").isEmpty
        if useTLS {
            let directory = environment["DOCKER_CERT_PATH"].flatMap { $0.isEmpty ? nil : $0 }
                ?? "\(environment["HOME"] ?? "/root")/.docker"
            self.tls = TLSFiles(directory: directory, verifyServer: verify)
        } else {
            self.tls = nil
        }
        let value = (environment["DOCKER_HOST"] ?? "").trimmingWhitespace
        self.endpoint = try Self.parseEndpoint(value, defaultPort: useTLS ? 2376 : 2375)
    }

    private static func parseEndpoint(_ value: String, defaultPort: Int) throws -> Endpoint {
        if value.isEmpty { return .unixSocket(path: defaultSocketPath) }
        let scheme: Substring
        let rest: Substring
        if let separator = value.firstRange(of: "://") {
            scheme = value[..<separator.lowerBound]
            rest = value[separator.upperBound...]
        } else {
            scheme = "tcp"
            rest = value[...]
        }
        switch scheme.lowercased() {
        case "unix":
            return .unixSocket(path: rest.isEmpty ? defaultSocketPath : String(rest))
        case "tcp", "http", "https":
            return try parseTCP(rest, original: value, defaultPort: defaultPort)
        default:
            throw EngineError.badConfiguration(
                "DOCKER_HOST \"\(value)\" uses \(scheme)://, which podlike does not support; use unix:///path/to/docker.sock or tcp://host:port")
        }
    }

    private static func parseTCP(_ address: Substring, original: String, defaultPort: Int) throws -> Endpoint {
        var address = address
        if let slash = address.firstIndex(of: "/") {
            guard address[slash...].allSatisfy({ $0 == "/" }) else {
                throw EngineError.badConfiguration(
                    "DOCKER_HOST \"\(original)\" has a path; podlike supports only tcp://host:port")
            }
            address = address[..<slash]
        }
        var host: Substring
        var portText: Substring?
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else {
                throw EngineError.badConfiguration("DOCKER_HOST \"\(original)\" has an unclosed IPv6 bracket")
            }
            host = address[address.index(after: address.startIndex)..<close]
            let afterBracket = address[address.index(after: close)...]
            if afterBracket.hasPrefix(":") { portText = afterBracket.dropFirst() }
        } else if let colon = address.lastIndex(of: ":") {
            host = address[..<colon]
            portText = address[address.index(after: colon)...]
        } else {
            host = address
        }
        if host.isEmpty { host = "localhost" }
        var port = defaultPort
        if let portText, !portText.isEmpty {
            guard let parsed = Int(portText), (1...65535).contains(parsed) else {
                throw EngineError.badConfiguration("DOCKER_HOST \"\(original)\" has an invalid port \"\(portText)\"")
            }
            port = parsed
        }
        return .tcp(host: String(host), port: port)
    }

    /// The URL prefix every request path is appended to. Over a unix socket that is
    /// AsyncHTTPClient's `http+unix://%2Fvar%2Frun%2Fdocker.sock` form.
    public var baseURL: String {
        let secure = tls != nil
        switch endpoint {
        case .unixSocket(let path):
            let encoded = path.percentEncoded(keeping: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=")
            return "\(secure ? "https" : "http")+unix://\(encoded)"
        case .tcp(let host, let port):
            let bracketed = host.contains(":") ? "[\(host)]" : host
            return "\(secure ? "https" : "http")://\(bracketed):\(port)"
        }
    }

    /// For messages: `unix:///var/run/docker.sock`, `tcp://host:2376`.
    public var displayName: String {
        switch endpoint {
        case .unixSocket(let path): "unix://\(path)"
        case .tcp(let host, let port): "tcp://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        }
    }
}
