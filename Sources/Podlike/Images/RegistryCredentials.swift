#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Registry credentials from a Docker `config.json` with an `auths` section, used
/// for pulls as the `X-Registry-Auth` header.
public struct RegistryCredentials: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var username: String?
        public var password: String?
        public var identityToken: String?
    }

    public static let defaultPath = "/run/secrets/podlike-registry-auth"
    public static let none = RegistryCredentials(entries: [:])

    /// By registry host, normalised (`docker.io` for Docker Hub).
    public var entries: [String: Entry]

    public init(entries: [String: Entry]) {
        self.entries = entries
    }

    public struct InvalidFile: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "registry credentials \(path): \(reason)" }
    }

    /// Parses a config.json. `auth` is base64 of `user:password`.
    public init(configJSON data: Data, path: String) throws {
        struct File: Decodable {
            struct Auth: Decodable {
                var auth: String?
                var username: String?
                var password: String?
                var identitytoken: String?
            }
            var auths: [String: Auth]?
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw InvalidFile(path: path, reason: "expected a Docker config.json with an \"auths\" section: \(error)")
        }
        var entries: [String: Entry] = [:]
        for (server, auth) in file.auths ?? [:] {
            var entry = Entry(username: auth.username, password: auth.password, identityToken: auth.identitytoken)
            if let encoded = auth.auth, !encoded.isEmpty {
                guard let decoded = Data(base64Encoded: encoded).map({ String(decoding: $0, as: UTF8.self) }),
                      let colon = decoded.firstIndex(of: ":")
                else {
                    throw InvalidFile(path: path, reason: "the \"auth\" of \(server) is not base64 of user:password")
                }
                entry.username = String(decoded[..<colon])
                entry.password = String(decoded[decoded.index(after: colon)...])
            }
            entries[Self.normalise(server: server)] = entry
        }
        self.entries = entries
    }

    /// Loads the file when it exists; no file means anonymous pulls.
    public static func load(path: String) throws -> RegistryCredentials {
        guard FileManager.default.fileExists(atPath: path) else { return .none }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InvalidFile(path: path, reason: "can't be read")
        }
        return try RegistryCredentials(configJSON: data, path: path)
    }

    /// The registry host of an image reference, resolved the way Docker does:
    /// the first path component is a host only if it has a `.` or `:`, or is `localhost`.
    public static func registryHost(of reference: String) -> String {
        guard let slash = reference.firstIndex(of: "/") else { return "docker.io" }
        let first = String(reference[..<slash])
        guard first.contains(".") || first.contains(":") || first == "localhost" else { return "docker.io" }
        return normalise(server: first)
    }

    /// The `X-Registry-Auth` value for pulling `reference`, if there are credentials.
    public func registryAuthHeader(for reference: String) -> String? {
        let host = Self.registryHost(of: reference)
        guard let entry = entries[host] else { return nil }
        var payload: [String: String] = ["serveraddress": host == "docker.io" ? "https://index.docker.io/v1/" : host]
        payload["username"] = entry.username
        payload["password"] = entry.password
        payload["identitytoken"] = entry.identityToken
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let json = try? encoder.encode(payload) else { return nil }
        // The engine expects URL-safe base64.
        return json.base64EncodedString()
            .replacing("+", with: "-")
            .replacing("/", with: "_")
    }

    /// `https://index.docker.io/v1/`, `index.docker.io` and `registry-1.docker.io`
    /// all mean Docker Hub; other servers lose their scheme and path.
    static func normalise(server: String) -> String {
        var host = server
        for scheme in ["https://", "http://"] where host.hasPrefix(scheme) {
            host = String(host.dropFirst(scheme.count))
        }
        if let slash = host.firstIndex(of: "/") { host = String(host[..<slash]) }
        return ["index.docker.io", "registry-1.docker.io", "docker.io"].contains(host) ? "docker.io" : host
    }
}
