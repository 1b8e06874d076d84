import Foundation
import Testing

extension EndToEndSuites {
    /// No component outlives its pod: a killed controller's components die with it
    /// (PID sharing) or are reaped (`--no-pids`), and Swarm's scaling and updates
    /// leave no pod container behind.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine in Swarm mode"))
    struct ReapEndToEndTests {
        static let longRunning = [
            "pod.container.app": busybox("echo app-up; exec sleep 300"),
            "pod.container.side": busybox("exec sleep 300"),
        ]

        @Test("e2e: with PID sharing, a SIGKILLed controller's components and IPC holder die with it")
        func killWithSharedPids() throws {
            let pod = try ControllerRun.start("reap-pids", labels: Self.longRunning, arguments: ["--logs"])
            defer { pod.remove() }
            try Self.waitForRunningComponents(of: pod, count: 2)

            try EndToEnd.docker("kill", "-s", "KILL", pod.name)
            try pod.expectNothingLeft(within: 30)
        }

        @Test("e2e: with --no-pids, a SIGKILLed controller's components survive, and podlike reap removes and prints them")
        func reapOnDemand() throws {
            let binary = try EndToEnd.builtBinary()
            let pod = try ControllerRun.start("reap-nopids", labels: Self.longRunning, arguments: ["--logs", "--no-pids"])
            defer { pod.remove() }
            try Self.waitForRunningComponents(of: pod, count: 2)
            let names = try Self.containerNames(of: pod)
            #expect(names.contains("\(pod.name).podlike.app") && names.contains("\(pod.name).podlike.side"), "\(names)")

            try Self.killAndExpectOrphans(pod)

            let output = try EndToEnd.run([binary, "reap"])
            #expect(output.status == 0, "podlike reap failed: \(output.stderr)")
            for name in names {
                #expect(output.stdout.contains("removed \(name) ("), "\(name) not reported in:\n\(output.stdout)")
            }
            let summary = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(summary.hasPrefix("removed ") && summary.contains(" of "), "the last line sums up: \(output.stdout)")
            try pod.expectNothingLeft(within: 10)

            // Nothing of this pod is left to find a second time.
            let again = try EndToEnd.run([binary, "reap", "--dry-run"])
            #expect(again.status == 0)
            #expect(!again.stdout.contains(pod.name), "\(again.stdout)")
        }

        @Test("e2e: a controller starting on the engine reaps the orphans of a killed --no-pids pod",
              .enabled(if: ReapEndToEndTests.controllerReapsAtStart, "RunCommand does not call the Reaper yet, or \(EndToEnd.controllerImage) predates it"))
        func reapAtControllerStart() throws {
            let dead = try ControllerRun.start("reap-orphaned", labels: Self.longRunning, arguments: ["--no-pids"])
            defer { dead.remove() }
            try Self.waitForRunningComponents(of: dead, count: 2)
            let names = try Self.containerNames(of: dead)
            try Self.killAndExpectOrphans(dead)

            let next = try ControllerRun.start("reap-next", labels: ["pod.container.once": busybox("echo once")])
            defer { next.remove() }
            #expect(try next.exitCode() == 0)
            try dead.expectNothingLeft(within: 30)
            let logs = try next.logs()
            for name in names {
                #expect(logs.contains("removed orphan \(name) ("), "\(name) not in the new controller's log:\n\(logs)")
            }
            try next.expectNothingLeft()
        }

        @Test("e2e: three replicas of a service run three isolated pods; scale to 0 and service rm leave no pod container")
        func swarmReplicas() throws {
            let service = try Self.createService("reap-replicas", replicas: 3)
            defer { Self.removeService(service) }

            let controllers = try Self.waitForPods(of: service, count: 3)
            var componentNames: Set<String> = []
            for controller in controllers {
                let components = try EndToEnd.run([
                    "docker", "ps", "-q", "--no-trunc", "--filter", "label=io.podlike.controller=\(controller)",
                    "--filter", "label=io.podlike.component=app",
                ]).stdout.split(separator: "\n").map(String.init)
                #expect(components.count == 1, "controller \(controller) has components \(components)")
                for component in components {
                    let fields = try EndToEnd.docker("inspect", "-f", "{{.Name}} {{.HostConfig.NetworkMode}}", component).split(separator: " ")
                    componentNames.insert(String(fields[0]))
                    #expect(fields.last.map(String.init) == "container:\(controller)", "\(fields)")
                }
            }
            #expect(componentNames.count == 3, "component names are not distinct: \(componentNames)")

            try EndToEnd.docker("service", "scale", "--detach", "\(service)=0")
            try Self.expectNoPodContainers(of: service, within: 45)

            try EndToEnd.docker("service", "scale", "--detach", "\(service)=2")
            _ = try Self.waitForPods(of: service, count: 2)
            try EndToEnd.docker("service", "rm", service)
            try Self.expectNoPodContainers(of: service, within: 45)
        }

        @Test("e2e: docker service update --force replaces the pods, leaving none of the old behind")
        func swarmForcedUpdate() throws {
            let service = try Self.createService("reap-update", replicas: 2)
            defer { Self.removeService(service) }
            let before = try Self.waitForPods(of: service, count: 2)

            let update = try EndToEnd.run([
                "docker", "service", "update", "--force", "--detach", "--no-resolve-image", "--update-parallelism", "2", service,
            ])
            #expect(update.status == 0, "service update failed: \(update.stderr)")
            let after = try Self.waitForPods(of: service, count: 2, excluding: before)
            #expect(before.isDisjoint(with: after))

            let deadline = Date().addingTimeInterval(45)
            var old = try Self.podContainers(ofControllers: before)
            while !old.isEmpty, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.5)
                old = try Self.podContainers(ofControllers: before)
            }
            #expect(old.isEmpty, "containers of the replaced pods left behind: \(old)")
            let current = Set(try Self.podContainers(of: service))
            let new = Set(try Self.podContainers(ofControllers: after))
            #expect(!current.isEmpty && current == new, "only the new pods' containers remain: \(current)")

            try EndToEnd.docker("service", "rm", service)
            try Self.expectNoPodContainers(of: service, within: 45)
        }

        // MARK: - Support

        /// Whether the controller image reaps at start: the lead wires the Reaper into
        /// RunCommand, and the image was rebuilt since (it knows `podlike reap`).
        static let controllerReapsAtStart: Bool = {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/podlike/RunCommand.swift")
            guard let text = try? String(contentsOf: source, encoding: .utf8), text.contains("Reaper(") else { return false }
            let help = try? EndToEnd.run(["docker", "run", "--rm", EndToEnd.controllerImage, "reap", "--help"])
            return help?.stdout.contains("podlike reap") == true
        }()

        /// Waits until `count` components of `pod` run (the IPC holder is not one).
        static func waitForRunningComponents(of pod: ControllerRun, count: Int, within seconds: Double = 60) throws {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let running = try EndToEnd.run([
                    "docker", "ps", "-q", "--filter", "label=io.podlike.pod=\(pod.name)", "--filter", "label=io.podlike.component",
                ]).stdout.split(separator: "\n")
                if running.count >= count { return }
                Thread.sleep(forTimeInterval: 0.5)
            }
            Issue.record("pod \(pod.name) did not run \(count) components within \(seconds)s: \(try pod.logs())")
            throw Timeout(what: "components of \(pod.name)")
        }

        /// Names of the pod's containers: components and holder.
        static func containerNames(of pod: ControllerRun) throws -> [String] {
            try EndToEnd.run(["docker", "ps", "-a", "--format", "{{.Names}}", "--filter", "label=io.podlike.pod=\(pod.name)"])
                .stdout.split(separator: "\n").map(String.init).sorted()
        }

        /// SIGKILLs a `--no-pids` controller; its containers outlive it.
        static func killAndExpectOrphans(_ pod: ControllerRun) throws {
            let before = try pod.leftovers()
            try EndToEnd.docker("kill", "-s", "KILL", pod.name)
            _ = try EndToEnd.run(["timeout", "20", "docker", "wait", pod.name])
            Thread.sleep(forTimeInterval: 2)
            #expect(Set(try pod.leftovers()) == Set(before), "without PID sharing the components survive the controller")
        }

        static func createService(_ prefix: String, replicas: Int) throws -> String {
            let name = EndToEnd.uniqueName(prefix)
            let output = try EndToEnd.run([
                "docker", "service", "create", "--detach", "--quiet", "--name", name, "--replicas", "\(replicas)",
                "--no-resolve-image", "--stop-grace-period", "10s",
                "--mount", "type=bind,source=\(EndToEnd.socketPath),target=/var/run/docker.sock",
                "--container-label", "pod.container.app=\(busybox("exec httpd -f -p 8080 -h /tmp"))",
                EndToEnd.controllerImage,
            ])
            #expect(output.status == 0, "service create failed: \(output.stderr)")
            return name
        }

        /// Removes the service and anything its pods left.
        static func removeService(_ service: String) {
            _ = try? EndToEnd.run(["docker", "service", "rm", service])
            Thread.sleep(forTimeInterval: 1)
            for id in (try? podContainers(of: service)) ?? [] {
                _ = try? EndToEnd.run(["docker", "rm", "-f", id])
            }
            for id in (try? EndToEnd.containers(label: "com.docker.swarm.service.name=\(service)")) ?? [] {
                _ = try? EndToEnd.run(["docker", "rm", "-f", id])
            }
        }

        /// Full IDs of the service's running controllers once `count` of them each
        /// run their component, leaving out `excluding`.
        static func waitForPods(of service: String, count: Int, excluding: Set<String> = [], within seconds: Double = 90) throws -> Set<String> {
            let deadline = Date().addingTimeInterval(seconds)
            var ready: Set<String> = []
            while Date() < deadline {
                let controllers = try EndToEnd.run([
                    "docker", "ps", "-q", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=\(service)",
                ]).stdout.split(separator: "\n").map(String.init).filter { !excluding.contains($0) }
                ready = Set(try controllers.filter { controller in
                    try !EndToEnd.run([
                        "docker", "ps", "-q", "--filter", "label=io.podlike.controller=\(controller)", "--filter", "label=io.podlike.component",
                    ]).stdout.isEmpty
                })
                if ready.count == count { return ready }
                Thread.sleep(forTimeInterval: 1)
            }
            let tasks = try EndToEnd.run(["docker", "service", "ps", "--no-trunc", service]).stdout
            Issue.record("\(service) did not run \(count) pods within \(seconds)s (\(ready.count) ready):\n\(tasks)")
            throw Timeout(what: "pods of \(service)")
        }

        /// IDs of pod containers (components, holders) of the service's tasks, which
        /// are named `<service>.<slot>.<task>`, running or not.
        static func podContainers(of service: String) throws -> [String] {
            try EndToEnd.run(["docker", "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Label \"io.podlike.pod\"}}", "--filter", "label=io.podlike.controller"])
                .stdout.split(separator: "\n").compactMap { line in
                    let fields = line.split(separator: " ", maxSplits: 1).map(String.init)
                    return fields.count == 2 && fields[1].hasPrefix("\(service).") ? fields[0] : nil
                }
        }

        static func podContainers(ofControllers controllers: Set<String>) throws -> [String] {
            try controllers.flatMap { controller in
                try EndToEnd.run(["docker", "ps", "-aq", "--no-trunc", "--filter", "label=io.podlike.controller=\(controller)"])
                    .stdout.split(separator: "\n").map(String.init)
            }
        }

        static func expectNoPodContainers(of service: String, within seconds: Double, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let deadline = Date().addingTimeInterval(seconds)
            var left = try podContainers(of: service)
            while !left.isEmpty, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.5)
                left = try podContainers(of: service)
            }
            #expect(left.isEmpty, "pod containers of \(service) left behind: \(left)", sourceLocation: sourceLocation)
        }

        struct Timeout: Error { var what: String }
    }
}
