import Drivers
import Foundation
import Podlike
import Testing
import PodlikeYAML

/// Behaviour of the process, security, health and logging handlers that their
/// examples can't state: what is left unset, which warnings are absent, where an
/// error points, and how settings combine.
struct ProcessAndSecurityHandlerTests {
    /// Applies a component's settings in the order written, as the driver does.
    func spec(_ yaml: String, context: SettingContext = SettingContext()) throws -> ComponentSpec {
        let registry = try BuiltinSettings.registry()
        let mapping = try #require(try YAML.compose(yaml)?.mapping)
        var spec = ComponentSpec(name: "app")
        for (key, value) in mapping {
            let handler = try #require(registry.handler(for: key.string ?? ""))
            try handler.apply(value, to: &spec, context: context)
        }
        return spec
    }

    func problem(_ yaml: String) throws -> SettingProblem {
        try #require(throws: SettingProblem.self) { try spec(yaml) }
    }

    @Test("restart never sets HostConfig.RestartPolicy: the controller restarts components itself",
          arguments: ["no", "always", "unless-stopped", "on-failure", "on-failure:5"])
    func restartLeavesEnginePolicyAlone(_ policy: String) throws {
        #expect(try spec("restart: \(policy)").request.HostConfig.RestartPolicy == nil)
    }

    @Test("restart: on-failure:0 means no retry limit, as in Docker")
    func onFailureZero() throws {
        #expect(try spec("restart: on-failure:0").lifecycle.restart == .onFailure(maxRetries: nil))
    }

    @Test("labels merge with labels already set")
    func labelsMerge() throws {
        var spec = ComponentSpec(name: "app")
        spec.request.Labels = ["com.example.owner": "ops", "com.example.team": "core"]
        let handler = try #require(try BuiltinSettings.registry().handler(for: "labels"))
        try handler.apply(try #require(try YAML.compose("{com.example.team: payments}")), to: &spec, context: .init())
        #expect(spec.request.Labels == ["com.example.owner": "ops", "com.example.team": "payments"])
    }

    @Test("a reserved label points at its own key")
    func reservedLabelPosition() throws {
        let problem = try problem("labels:\n  com.example.team: payments\n  io.podlike.pod: mine\n")
        #expect(problem.line == 3)
        #expect(problem.column == 3)
    }

    @Test("a self-dependency points at the name in depends_on")
    func selfDependencyPosition() throws {
        let problem = try problem("depends_on:\n  - db\n  - app\n")
        #expect(problem.line == 3)
        #expect(problem.column == 5)
    }

    @Test("a healthcheck error points at the offending sub-key's value")
    func healthcheckPosition() throws {
        let problem = try problem("healthcheck:\n  test: [CMD, 'true']\n  retries: three\n")
        #expect(problem.line == 3)
        #expect(problem.column == 12)
    }

    @Test("an env_file error points at the path that failed")
    func envFilePosition() throws {
        let problem = try problem("env_file:\n  - first.env\n  - second.env\n")
        #expect(problem.message.contains("\"first.env\""))
        #expect(problem.line == 2)
    }

    @Test("env_file resolves relative paths against the base directory and takes absolute ones as written")
    func envFilePaths() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("podlike-env-file-paths").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "A=relative\n".write(toFile: directory + "/a.env", atomically: true, encoding: .utf8)
        try "B=absolute\r\n".write(toFile: directory + "/b.env", atomically: true, encoding: .utf8)
        let spec = try spec("env_file: [a.env, \(directory)/b.env]", context: SettingContext(baseDirectory: directory))
        #expect(spec.request.Env == ["A=relative", "B=absolute"])
    }

    @Test("settings that touch only the component add no warning",
          arguments: ["sysctls: {kernel.msgmax: 65536}", "isolation: default", "security_opt: ['label=disable']", "logging: {driver: local}"])
    func noWarning(_ yaml: String) throws {
        #expect(try spec(yaml).warnings.isEmpty)
    }

    @Test("stop_grace_period rounds StopTimeout up to whole seconds", arguments: [
        ("1ns", 1), ("999ms", 1), ("1s", 1), ("1001ms", 2), ("2m", 120),
    ])
    func stopTimeoutRounding(_ duration: String, _ seconds: Int) throws {
        #expect(try spec("stop_grace_period: \(duration)").request.StopTimeout == seconds)
    }

    @Test("a seccomp profile is compacted like Go's json.Compact, keeping spaces inside strings")
    func seccompCompaction() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("podlike-seccomp").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "{\n  \"comment\": \"a \\\"quoted\\\" note\",\n  \"syscalls\": [ ]\n}\n"
            .write(toFile: directory + "/profile.json", atomically: true, encoding: .utf8)
        let spec = try spec("security_opt: [seccomp=profile.json]", context: SettingContext(baseDirectory: directory))
        #expect(spec.request.HostConfig.SecurityOpt == [#"seccomp={"comment":"a \"quoted\" note","syscalls":[]}"#])
    }

    @Test("capabilities are sent in the API's spelling whatever the case or prefix written")
    func capabilitySpelling() throws {
        let host = try spec("{cap_add: [net_admin, Cap_Sys_Time], cap_drop: [all]}").request.HostConfig
        #expect(host.CapAdd == ["CAP_NET_ADMIN", "CAP_SYS_TIME"])
        #expect(host.CapDrop == ["ALL"])
    }
}
