import Drivers
import Podlike
import Testing
import PodlikeYAML

/// Host paths in `volumes` that depend on where the component was defined and on
/// the controller's HOME, which the handler examples can't pin down.
struct StorageVolumesTests {
    static let context = SettingContext(baseDirectory: "/srv/pod", processEnvironment: ["HOME": "/home/ops"])

    func apply(_ yaml: String, context: SettingContext = Self.context) throws -> ComponentSpec {
        let handler = try #require(try BuiltinSettings.registry().handler(for: "volumes"))
        let node = try #require(try YAML.compose(yaml))
        var spec = ComponentSpec(name: "app")
        try handler.apply(node, to: &spec, context: context)
        return spec
    }

    @Test("volumes: relative and ~ sources become absolute host paths", arguments: [
        ("[./conf:/etc/app:ro]", "/srv/pod/conf:/etc/app:ro"),
        ("['.:/app']", "/srv/pod:/app"),
        ("['../shared/./data:/data']", "/srv/shared/data:/data"),
        ("['~/.cache:/root/.cache:delegated']", "/home/ops/.cache:/root/.cache:delegated"),
        ("['~:/home/ops']", "/home/ops:/home/ops"),
        ("['/var/run/docker.sock:/var/run/docker.sock:ro']", "/var/run/docker.sock:/var/run/docker.sock:ro"),
    ])
    func shortSyntaxHostPaths(yaml: String, bind: String) throws {
        #expect(try apply(yaml).request.HostConfig.Binds == [bind])
    }

    @Test("volumes: a long-syntax bind source is a host path even without ./")
    func longSyntaxRelativeSource() throws {
        let spec = try apply("[{type: bind, source: conf, target: /etc/app}, {type: bind, source: ~/logs, target: /logs}]")
        #expect(spec.request.HostConfig.Mounts?.map(\.Source) == ["/srv/pod/conf", "/home/ops/logs"])
    }

    @Test("volumes: a relative base directory is taken from the working directory")
    func relativeBaseDirectory() throws {
        let spec = try apply("['./conf:/etc/app']", context: SettingContext(baseDirectory: "."))
        let bind = try #require(spec.request.HostConfig.Binds?.first)
        #expect(bind.hasPrefix("/") && bind.hasSuffix("/conf:/etc/app") && !bind.contains("/./"))
    }

    @Test("volumes: ~user is not expanded")
    func otherUsersHome() throws {
        let problem = try #require(throws: SettingProblem.self) { try apply("['~ops/data:/data']") }
        #expect(problem.message.contains(#"expected "~" or "~/path""#))
        #expect(problem.line == 1 && problem.column == 2, "points at the entry, not the list")
    }

    @Test("volumes: short and long entries land in their own fields, in order")
    func mixedForms() throws {
        let spec = try apply("""
            - data:/var/lib/app
            - /cache
            - type: tmpfs
              target: /run/app
            - ./conf:/etc/app:ro
            """)
        #expect(spec.request.HostConfig.Binds == ["data:/var/lib/app", "/srv/pod/conf:/etc/app:ro"])
        #expect(spec.request.Volumes == ["/cache": EmptyObject()])
        #expect(spec.request.HostConfig.Mounts == [Mount(Type: "tmpfs", Source: nil, Target: "/run/app")])
    }
}
