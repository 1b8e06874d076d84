import AsyncHTTPClient
import Foundation
import Logging
import Testing
@testable import Podlike

@Suite("DOCKER_HOST and TLS settings")
struct EngineDockerHostTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var dockerHost: String?
        var endpoint: DockerHost.Endpoint
        var baseURL: String
        var testDescription: String { dockerHost.map { "DOCKER_HOST=\($0)" } ?? "DOCKER_HOST unset" }
    }

    @Test("reads DOCKER_HOST like the docker CLI", arguments: [
        Case(dockerHost: nil, endpoint: .unixSocket(path: "/var/run/docker.sock"),
             baseURL: "http+unix://%2Fvar%2Frun%2Fdocker.sock"),
        Case(dockerHost: "", endpoint: .unixSocket(path: "/var/run/docker.sock"),
             baseURL: "http+unix://%2Fvar%2Frun%2Fdocker.sock"),
        Case(dockerHost: "unix:///run/user/1000/docker.sock", endpoint: .unixSocket(path: "/run/user/1000/docker.sock"),
             baseURL: "http+unix://%2Frun%2Fuser%2F1000%2Fdocker.sock"),
        Case(dockerHost: "unix://", endpoint: .unixSocket(path: "/var/run/docker.sock"),
             baseURL: "http+unix://%2Fvar%2Frun%2Fdocker.sock"),
        Case(dockerHost: "tcp://10.0.0.5:2375", endpoint: .tcp(host: "10.0.0.5", port: 2375),
             baseURL: "http://10.0.0.5:2375"),
        Case(dockerHost: "tcp://docker.internal", endpoint: .tcp(host: "docker.internal", port: 2375),
             baseURL: "http://docker.internal:2375"),
        Case(dockerHost: "tcp://:2380", endpoint: .tcp(host: "localhost", port: 2380),
             baseURL: "http://localhost:2380"),
        Case(dockerHost: "tcp://[::1]:2375/", endpoint: .tcp(host: "::1", port: 2375),
             baseURL: "http://[::1]:2375"),
        Case(dockerHost: "engine.example:4243", endpoint: .tcp(host: "engine.example", port: 4243),
             baseURL: "http://engine.example:4243"),
    ])
    func parsesDockerHost(_ testCase: Case) throws {
        var environment: [String: String] = [:]
        environment["DOCKER_HOST"] = testCase.dockerHost
        let host = try DockerHost(environment: environment)
        #expect(host.endpoint == testCase.endpoint)
        #expect(host.baseURL == testCase.baseURL)
        #expect(host.tls == nil)
    }

    @Test("DOCKER_TLS_VERIFY switches to https, port 2376 and the certificates in DOCKER_CERT_PATH")
    func tlsVerify() throws {
        let host = try DockerHost(environment: [
            "DOCKER_HOST": "tcp://swarm-1", "DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/certs/",
        ])
        #expect(host.endpoint == .tcp(host: "swarm-1", port: 2376))
        #expect(host.baseURL == "https://swarm-1:2376")
        #expect(host.tls?.verifyServer == true)
        #expect(host.tls?.caCertificate == "/certs/ca.pem")
        #expect(host.tls?.clientCertificate == "/certs/cert.pem")
        #expect(host.tls?.clientKey == "/certs/key.pem")
    }

    @Test("without DOCKER_CERT_PATH the certificates come from ~/.docker; DOCKER_TLS alone skips verification")
    func tlsDefaults() throws {
        let host = try DockerHost(environment: ["DOCKER_HOST": "tcp://h:1234", "DOCKER_TLS": "1", "HOME": "/home/ops"])
        #expect(host.tls == DockerHost.TLSFiles(directory: "/home/ops/.docker", verifyServer: false))
        #expect(host.baseURL == "https://h:1234")
    }

    @Test("an empty DOCKER_TLS_VERIFY means off, as in the CLI")
    func emptyTLSVerify() throws {
        let host = try DockerHost(environment: ["DOCKER_TLS_VERIFY": ""])
        #expect(host.tls == nil)
    }

    @Test("unsupported or malformed DOCKER_HOST values say what to use instead", arguments: [
        ("ssh://me@host", "uses ssh://"),
        ("npipe:////./pipe/docker_engine", "uses npipe://"),
        ("tcp://host:notaport", "invalid port \"notaport\""),
        ("tcp://host:2375/some/path", "has a path"),
        ("tcp://[::1:2375", "unclosed IPv6 bracket"),
    ])
    func rejectsBadHosts(_ value: String, expected: String) {
        #expect {
            try DockerHost(environment: ["DOCKER_HOST": value])
        } throws: { error in
            let error = error as? EngineError
            return error?.isConfigurationProblem == true && "\(error!)".contains(expected)
        }
    }

    @Test("TLS verification without ca.pem names the missing file")
    func missingCertificateAuthority() {
        let files = DockerHost.TLSFiles(directory: "/nonexistent/certs", verifyServer: true)
        #expect {
            try HTTPClientTransport.tlsConfiguration(files)
        } throws: { error in
            "\(error)".contains("/nonexistent/certs/ca.pem does not exist")
        }
    }

    @Test("over the unix socket every request carries Host: localhost, or the engine answers 400")
    func hostHeaderOnUnixSocket() async throws {
        try await HTTPClientTransport.withTransport(host: DockerHost(environment: [:]), logger: Logger(label: "test")) { transport in
            let request = transport.makeHTTPRequest(EngineRequest(
                method: .post, path: "/v1.41/containers/create?name=web", headers: ["Content-Type": "application/json"]))
            #expect(request.url == "http+unix://%2Fvar%2Frun%2Fdocker.sock/v1.41/containers/create?name=web")
            #expect(request.method.rawValue == "POST")
            #expect(request.headers["Host"] == ["localhost"])
            #expect(request.headers["Content-Type"] == ["application/json"])
        }
    }

    @Test("a missing engine socket fails without retrying, saying how to mount it")
    func missingSocket() async {
        await #expect {
            try await withEngineClient(environment: ["DOCKER_HOST": "unix:///tmp/podlike-no-such.sock"], logger: Logger(label: "test")) { _ in }
        } throws: { error in
            guard let error = error as? EngineError else { return false }
            return error.isUnreachable && error.description == "engine: ping failed: cannot reach the engine at unix:///tmp/podlike-no-such.sock: there is no socket at /tmp/podlike-no-such.sock; mount the engine's socket into this container (-v /var/run/docker.sock:/var/run/docker.sock) or set DOCKER_HOST"
        }
    }
}
