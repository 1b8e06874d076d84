import Foundation
import Podlike
import Testing

struct RegistryCredentialsTests {
    @Test("the registry host is resolved the way Docker does", arguments: [
        ("nginx", "docker.io"), ("nginx:1.25", "docker.io"), ("user/app", "docker.io"),
        ("host:5000/app", "host:5000"), ("localhost/app", "localhost"), ("registry.example.com/team/app:1", "registry.example.com"),
        ("docker.io/library/nginx", "docker.io"), ("index.docker.io/user/app", "docker.io"),
    ])
    func host(_ reference: String, _ host: String) {
        #expect(RegistryCredentials.registryHost(of: reference) == host)
    }

    @Test("config.json auths give the X-Registry-Auth header for the image's registry")
    func header() throws {
        let config = #"{"auths": {"https://index.docker.io/v1/": {"auth": "\#(Data("hub:secret".utf8).base64EncodedString())"}, "host:5000": {"username": "me", "password": "pw"}}}"#
        let credentials = try RegistryCredentials(configJSON: Data(config.utf8), path: "config.json")
        let hub = try #require(credentials.registryAuthHeader(for: "user/app"))
        let decoded = try #require(Data(base64Encoded: hub.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")))
        let json = try #require(try JSONSerialization.jsonObject(with: decoded) as? [String: String])
        #expect(json == ["username": "hub", "password": "secret", "serveraddress": "https://index.docker.io/v1/"])

        let local = try #require(credentials.registryAuthHeader(for: "host:5000/app"))
        #expect(local.count > 10)
        #expect(credentials.registryAuthHeader(for: "other.example.com/app") == nil)
    }

    @Test("a file without auths JSON is an error naming the file")
    func invalid() {
        #expect(throws: RegistryCredentials.InvalidFile.self) {
            try RegistryCredentials(configJSON: Data("not json".utf8), path: "/run/secrets/x")
        }
    }
}
