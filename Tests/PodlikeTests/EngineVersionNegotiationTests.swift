import Logging
import NIOCore
import Testing
@testable import Podlike

@Suite("Engine API version negotiation")
struct EngineVersionNegotiationTests {
    /// An engine whose ping reports `pingVersion` and whose /version reports `minimum`.
    static func engine(pingVersion: String?, apiVersion: String? = nil, minimum: String? = nil) -> InMemoryEngineTransport {
        InMemoryEngineTransport { request in
            switch request.path {
            case "/_ping":
                var headers: EngineHeaders = ["Content-Type": "text/plain"]
                if let pingVersion { headers.add(name: "Api-Version", value: pingVersion) }
                return EngineResponse(status: 200, headers: headers, body: EngineBody("OK"))
            case "/version":
                let version = apiVersion ?? pingVersion ?? "null"
                let min = minimum.map { #""\#($0)""# } ?? "null"
                return .json(200, #"{"Version":"99.0","ApiVersion":"\#(version)","MinAPIVersion":\#(min)}"#)
            default:
                return .json(404, #"{"message":"page not found"}"#)
            }
        }
    }

    static func negotiate(_ transport: InMemoryEngineTransport, environment: [String: String] = [:]) async throws -> APIVersion {
        try await APIVersion.negotiate(transport: transport, environment: environment, logger: Logger(label: "test"))
    }

    @Test("uses the engine's version when it is older than our reference, asking only /_ping", arguments: ["1.40", "1.41"])
    func olderOrEqualEngine(version: String) async throws {
        let transport = Self.engine(pingVersion: version)
        #expect(try await Self.negotiate(transport) == APIVersion(version))
        #expect(transport.requests.map(\.path) == ["/_ping"])
    }

    @Test("caps a newer engine at 1.41, after checking its minimum in /version")
    func newerEngine() async throws {
        let transport = Self.engine(pingVersion: "1.47", minimum: "1.24")
        #expect(try await Self.negotiate(transport) == APIVersion(1, 41))
        #expect(transport.requests.map(\.path) == ["/_ping", "/version"])
    }

    @Test("uses the minimum of an engine that no longer accepts 1.41")
    func engineWithRaisedMinimum() async throws {
        let transport = Self.engine(pingVersion: "1.52", minimum: "1.44")
        #expect(try await Self.negotiate(transport) == APIVersion(1, 44))
    }

    @Test("falls back to /version when /_ping carries no API-Version header")
    func pingWithoutHeader() async throws {
        let transport = Self.engine(pingVersion: nil, apiVersion: "1.40", minimum: "1.12")
        #expect(try await Self.negotiate(transport) == APIVersion(1, 40))
        #expect(transport.requests.map(\.path) == ["/_ping", "/version"])
    }

    @Test("DOCKER_API_VERSION is used exactly, without asking the engine")
    func pinnedVersion() async throws {
        let transport = Self.engine(pingVersion: "1.41")
        #expect(try await Self.negotiate(transport, environment: ["DOCKER_API_VERSION": "1.39"]) == APIVersion(1, 39))
        #expect(transport.requests.isEmpty)
    }

    @Test("a DOCKER_API_VERSION that is not a version is a configuration error")
    func badPinnedVersion() async {
        await #expect {
            try await Self.negotiate(Self.engine(pingVersion: "1.41"), environment: ["DOCKER_API_VERSION": "latest"])
        } throws: { error in
            (error as? EngineError)?.isConfigurationProblem == true && "\(error)".contains("\"latest\"")
        }
    }

    @Test("an engine older than API 1.40 is refused with a message saying so")
    func tooOldEngine() async {
        await #expect {
            try await Self.negotiate(Self.engine(pingVersion: "1.38"))
        } throws: { error in
            "\(error)" == "engine: the engine speaks API 1.38, older than 1.40, the oldest podlike supports; upgrade Docker to 19.03 or later"
        }
    }

    @Test("an engine that can't be reached is reported as unreachable, naming the ping")
    func unreachableEngine() async {
        struct ConnectionRefused: Error, CustomStringConvertible {
            var description: String { "connection refused" }
        }
        let transport = InMemoryEngineTransport { _ in throw ConnectionRefused() }
        await #expect {
            try await Self.negotiate(transport)
        } throws: { error in
            (error as? EngineError)?.isUnreachable == true && "\(error)" == "engine: ping failed: connection refused"
        }
    }

    @Test("the client puts the negotiated version in every path")
    func versionedPaths() async throws {
        let transport = Self.engine(pingVersion: "1.40")
        let client = try await EngineClient.connect(transport: transport, environment: [:], logger: Logger(label: "test"))
        #expect(client.apiVersion == APIVersion(1, 40))
        _ = try? await client.info()
        #expect(transport.requests.last?.path == "/v1.40/info")
    }

    @Test("versions compare numerically, not as text")
    func ordering() {
        #expect(APIVersion(1, 9) < APIVersion(1, 10))
        #expect(APIVersion("1.41") == APIVersion(1, 41))
        #expect(APIVersion("1") == nil)
        #expect(APIVersion("1.x") == nil)
    }
}
