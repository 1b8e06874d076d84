import Foundation
import Testing

/// The `podlike` binary itself: `render` and `settings` need no engine.
struct CommandLineTests {
    func render(_ labels: String, _ flags: [String] = []) throws -> EndToEnd.Output {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString).yml").path
        try labels.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try EndToEnd.run([try EndToEnd.builtBinary(), "render", "--labels", file] + flags)
    }

    func components(_ output: EndToEnd.Output) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        return try #require(json["components"] as? [[String: Any]])
    }

    @Test("render prints init components first, in order, then the others by name")
    func renderOrder() throws {
        let output = try render("""
            pod.container.web: "image: nginx"
            pod.component.app: "image: app"
            pod.init.components: |
              - image: first
              - image: second
            """)
        #expect(output.status == 0, "\(output.stderr)")
        let components = try components(output)
        #expect(components.map { $0["name"] as? String } == ["init-1", "init-2", "app", "web"])
        #expect(components.map { $0["init"] as? Bool } == [true, true, false, false])
        let request = try #require(components[2]["request"] as? [String: Any])
        let host = try #require(request["HostConfig"] as? [String: Any])
        #expect(host["NetworkMode"] as? String == "container:" + String(repeating: "0", count: 64))
        #expect(host["PidMode"] != nil)
    }

    @Test("render accepts the original tool's Go-style flags")
    func goStyleFlags() throws {
        let output = try render(#"pod.container.app: "image: app""#, ["-pids=false", "-logs", "-volumes=true"])
        #expect(output.status == 0, "\(output.stderr)")
        let request = try #require(try components(output).first?["request"] as? [String: Any])
        let host = try #require(request["HostConfig"] as? [String: Any])
        #expect(host["PidMode"] == nil)
        #expect(host["IpcMode"] != nil)
    }

    @Test("flag values podlike can't read exit 125 with a message that gives the allowed range, never a trap", arguments: [
        (["--pod-cpus=nan"], "--pod-cpus: expected a number of CPUs from 0.01 to 1000000"),
        (["--pod-cpus=1e300"], "--pod-cpus: expected a number of CPUs from 0.01 to 1000000"),
        (["--pod-memory=99999999999t"], "--pod-memory"),
        (["--no-such-flag"], "Unknown option '--no-such-flag'"),
    ])
    func badFlags(flags: [String], message: String) throws {
        let output = try render("pod.container.app: 'image: app'", flags)
        #expect(output.status == 125, "\(output.stderr)")
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test("render reports every problem of every component with line and column, and exits 125")
    func renderErrors() throws {
        let output = try render("""
            pod.container.app: |
              image: app
              mem_limit: lots
              comand: [x]
            pod.container.db: |
              image: db
              ports: ["5432:5432"]
            pod.container.bad: "image: [oops"
            """)
        #expect(output.status == 125)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains(#"component "app", key "mem_limit" (line 2:12): expected a byte size"#), "\(output.stderr)")
        #expect(output.stderr.contains(#"did you mean "command"?"#))
        #expect(output.stderr.contains(#"component "db", key "ports""#))
        #expect(output.stderr.contains("publish ports on the Swarm service"))
        #expect(output.stderr.contains(#"label "pod.container.bad""#))
    }

    @Test("render caps mem_limit at the controller's --memory-limit, with a warning")
    func memoryCap() throws {
        let output = try render("pod.container.app: |\n  image: app\n  mem_limit: 1g\n", ["--memory-limit", "256m"])
        #expect(output.status == 0)
        #expect(output.stderr.contains("capped"))
        let request = try #require(try components(output).first?["request"] as? [String: Any])
        #expect((request["HostConfig"] as? [String: Any])?["Memory"] as? Int == 256 << 20)
    }

    static let limitedPod = """
        pod.container.app: |
          image: app
          mem_reservation: 300m
        pod.container.proxy: |
          image: nginx
          cpu_shares: 512
        pod.container.fixed: |
          image: x
          mem_limit: 200m
        """

    @Test("render --cgroup-mode distributed shows each component's share of --pod-memory and --pod-cpus, and warns of reservations above the service's")
    func distributedLimits() throws {
        let output = try render(Self.limitedPod, ["--pod-memory", "1g", "--pod-cpus", "1.5", "--cgroup-mode", "distributed", "--pod-memory-reservation", "128m"])
        #expect(output.status == 0, "\(output.stderr)")
        var shares: [String: (memory: Int, cpus: Int)] = [:]
        for component in try components(output) {
            let host = try #require((component["request"] as? [String: Any])?["HostConfig"] as? [String: Any])
            shares[component["name"] as? String ?? ""] = (host["Memory"] as? Int ?? 0, host["NanoCpus"] as? Int ?? 0)
        }
        #expect(shares["fixed"]?.memory == 200 << 20)
        #expect(shares["app"]?.memory == 432_013_312 && shares["proxy"]?.memory == 432_013_312)
        #expect(shares.values.reduce(0) { $0 + $1.memory } <= 1 << 30)
        #expect(shares["proxy"]?.cpus == 300_000_000 && shares["app"]?.cpus == 600_000_000)
        #expect(output.stderr.contains("set deploy.resources.reservations.memory: 300M on the service"), "\(output.stderr)")

        let nested = try render(Self.limitedPod, ["--pod-memory", "1g", "--cgroup-mode", "v1"])
        let host = try #require((try components(nested).first?["request"] as? [String: Any])?["HostConfig"] as? [String: Any])
        #expect(host["Memory"] == nil)
        #expect((host["CgroupParent"] as? String)?.hasPrefix("/docker/") == true)
    }

    @Test("render refuses a pod whose components can't fit the --pod-memory it is given, with exit 125")
    func distributedTooSmall() throws {
        let output = try render(Self.limitedPod, ["--pod-memory", "256m", "--cgroup-mode", "distributed"])
        #expect(output.status == 125)
        #expect(output.stderr.contains(#"56 MiB of the pod's 256 MiB of memory is left for "app", "proxy", which need at least 306 MiB"#), "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test("render --controller-mounts shares the controller's mounts and shows what the stack's volume references resolve to")
    func controllerMounts() throws {
        let mounts = FileManager.default.temporaryDirectory.appendingPathComponent("mounts-\(UUID().uuidString).json").path
        try #"[{"Type":"volume","Name":"shop_data","Source":"/var/lib/docker/volumes/shop_data/_data","Destination":"/data","Driver":"local","Mode":"z","RW":true,"Propagation":""}]"#
            .write(toFile: mounts, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: mounts) }
        let output = try render(
            "com.docker.stack.namespace: shop\npod.container.app: |\n  image: app\n  volumes: ['data:/var/lib/app', 'other:/other']\n",
            ["--controller-mounts", mounts, "--no-volumes"])
        #expect(output.status == 0, "\(output.stderr)")
        let request = try #require(try components(output).first?["request"] as? [String: Any])
        #expect((request["HostConfig"] as? [String: Any])?["Binds"] as? [String] == ["shop_data:/var/lib/app", "other:/other"])

        let unreadable = try render("pod.container.app: 'image: app'\n", ["--controller-mounts", "/nonexistent/mounts.json"])
        #expect(unreadable.stderr.contains("--controller-mounts: can't read /nonexistent/mounts.json"), "\(unreadable.stderr)")
    }

    @Test("render reads labels from standard input with --labels - or /dev/stdin, as docker inspect's JSON pipes them; a missing file or a folder is exit 125 saying so")
    func labelsFromStdin() throws {
        let json = #"{"com.docker.stack.namespace": "shop", "pod.container.app": "image: app"}"#
        for path in ["-", "/dev/stdin"] {
            let output = try EndToEnd.run([try EndToEnd.builtBinary(), "render", "--labels", path], input: json)
            #expect(output.status == 0, "\(path): \(output.stderr)")
            #expect(try components(output).map { $0["name"] as? String } == ["app"])
        }
        let missing = try EndToEnd.run([try EndToEnd.builtBinary(), "render", "--labels", "/nonexistent/labels.yml"])
        #expect(missing.status == 125)
        #expect(missing.stderr.contains("can't read the labels in /nonexistent/labels.yml: no such file"), "\(missing.stderr)")
        let folder = try EndToEnd.run([try EndToEnd.builtBinary(), "render", "--labels", FileManager.default.temporaryDirectory.path])
        #expect(folder.status == 125)
        #expect(folder.stderr.contains("is a folder; give the file with the labels"), "\(folder.stderr)")
    }

    @Test("settings lists all 74 Compose v2.4 keys plus deploy and pull_policy")
    func settings() throws {
        let output = try EndToEnd.run([try EndToEnd.builtBinary(), "settings"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Supported component settings (55)"))
        #expect(output.stdout.contains("Unsupported settings, rejected with the reason (21)"))
    }
}
