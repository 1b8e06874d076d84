import Foundation
import Testing

extension EndToEndSuites {
    /// Every example in examples/ runs here as a user runs it: `run.sh` deploys it
    /// on the Swarm and checks its README's claims itself; with `KEEP=1` it is left
    /// running, and this test checks the main claim again from outside, then
    /// removes it with `run.sh down` and checks that nothing of its stack is left.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine in Swarm mode"))
    struct ExamplesEndToEndTests {
        static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

        /// Runs `examples/NAME/run.sh` with `KEEP=1`, then `check`, then `run.sh down`.
        func run(_ name: String, check: () throws -> Void) throws {
            let script = Self.examples.appendingPathComponent("\(name)/run.sh").path
            defer { _ = try? EndToEnd.run(["timeout", "180", "bash", script, "down"]) }
            let output = try EndToEnd.run(["env", "KEEP=1", "timeout", "600", "bash", script])
            #expect(output.status == 0, "run.sh failed:\n\(output.stdout)\n\(output.stderr)")
            #expect(output.stderr.contains("OK: every claim holds"), "\(output.stderr)")
            guard output.status == 0 else { return }
            try check()
            let down = try EndToEnd.run(["timeout", "180", "bash", script, "down"])
            #expect(down.status == 0, "\(down.stderr)")
            try Self.expectNothingLeft(of: "podlike-\(name)")
        }

        static func expectNothingLeft(of stack: String) throws {
            let label = "label=com.docker.stack.namespace=\(stack)"
            for kind in ["service", "network", "volume", "config", "secret"] {
                #expect(try EndToEnd.docker(kind, "ls", "-q", "--filter", label).isEmpty, "\(kind)s of \(stack) are left")
            }
            let containers = try EndToEnd.docker("ps", "-a", "--format", "{{.Names}}")
            #expect(!containers.split(separator: "\n").contains { $0.hasPrefix("\(stack)_") }, "containers of \(stack) are left: \(containers)")
        }

        @Test("e2e: sidecar: nginx caches the app (MISS, then HIT), publishes the only port, and the app's port is the pod's alone")
        func sidecar() throws {
            try run("sidecar") {
                let url = "http://127.0.0.1:18091/cgi-bin/hello?e2e"
                #expect(try HTTP.get(url).header("X-Cache-Status") == "MISS")
                let second = try HTTP.get(url)
                #expect(second.header("X-Cache-Status") == "HIT")
                #expect(second.status == 200)
                let ports = try EndToEnd.docker("service", "inspect", "-f", "{{range .Spec.EndpointSpec.Ports}}{{.TargetPort}}:{{.PublishedPort}} {{end}}", "podlike-sidecar_pod")
                #expect(ports.trimmingCharacters(in: .whitespaces) == "80:18091")
                #expect(throws: (any Error).self) { try HTTP.get("http://127.0.0.1:8080/") }
            }
        }

        @Test("e2e: signal: POST /reload sends SIGHUP to nginx across the pod; new workers, the same master")
        func signal() throws {
            try run("signal") {
                let before = try HTTP.get("http://127.0.0.1:18092/pids").body
                let reload = try HTTP.request("http://127.0.0.1:18092/reload", method: "POST")
                #expect(reload.status == 200 && reload.body.contains("sent SIGHUP"), "\(reload.body)")
                let master = Self.master(in: before)
                #expect(master != nil, "\(before)")
                let after = try EndToEnd.poll(within: 30) { try HTTP.get("http://127.0.0.1:18092/pids").body } until: { now in
                    !Self.workers(in: now).isEmpty && Set(Self.workers(in: now)).isDisjoint(with: Self.workers(in: before))
                }
                #expect(!Self.workers(in: after).isEmpty && Set(Self.workers(in: after)).isDisjoint(with: Self.workers(in: before)), "before: \(before)\nafter: \(after)")
                #expect(Self.master(in: after) == master, "before: \(before)\nafter: \(after)")
            }
        }

        /// `GET /pids` of the signal example: a line per nginx process, like "master 7" or "worker 12".
        static func master(in pids: String) -> String? {
            pids.split(separator: "\n").first { $0.localizedCaseInsensitiveContains("master") }
                .flatMap { $0.split(whereSeparator: { !$0.isNumber }).first.map(String.init) }
        }

        static func workers(in pids: String) -> [String] {
            pids.split(separator: "\n").filter { $0.localizedCaseInsensitiveContains("worker") }
                .compactMap { $0.split(whereSeparator: { !$0.isNumber }).first.map(String.init) }
        }

        @Test("e2e: shared-volume: the generator's new configuration, written into the pod's volume and signalled, is what nginx serves")
        func sharedVolume() throws {
            try run("shared-volume") {
                let generator = try EndToEnd.docker("ps", "-q", "-f", "name=podlike-shared-volume_pod", "-f", "label=io.podlike.component=generator")
                #expect(!generator.isEmpty)
                _ = try EndToEnd.docker("exec", generator, "sh", "-c", "echo written by the e2e test > /srv/message")
                let served = try EndToEnd.poll(within: 30) { try HTTP.get("http://127.0.0.1:18093/").body } until: { $0.contains("written by the e2e test") }
                #expect(served.contains("written by the e2e test"), "\(served)")
            }
        }

        @Test("e2e: secrets-and-configs: a Swarm config and secret reach nginx through pod.copy, and it serves with them")
        func secretsAndConfigs() throws {
            try run("secrets-and-configs") {
                let url = "http://127.0.0.1:18111/"
                #expect(try HTTP.get(url).status == 401)
                let page = try HTTP.get(url, user: "demo:swarm-secret")
                #expect(page.status == 200)
                let expected = try String(contentsOf: Self.examples.appendingPathComponent("secrets-and-configs/index.html"), encoding: .utf8)
                #expect(page.body == expected)
            }
        }

        @Test("e2e: logging: the app's log file, tailed by another component, shows in docker service logs with the tailer's prefix")
        func logging() throws {
            try run("logging") {
                let logs = try EndToEnd.run(["docker", "service", "logs", "--raw", "podlike-logging_pod"])
                #expect(logs.stdout.contains("tailer | app: handled job"), "\(logs.stdout)")
                #expect(!logs.stdout.contains("app | "), "\(logs.stdout)")
            }
        }

        @Test("e2e: init-and-health: init data served once the app is healthy; an update to an unhealthy pod is rolled back by Swarm")
        func initAndHealth() throws {
            try run("init-and-health") {
                let state = try EndToEnd.docker("service", "inspect", "-f", "{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}", "podlike-init-and-health_pod")
                #expect(state == "rollback_completed")
                #expect(try HTTP.get("http://127.0.0.1:18131/").body.contains("release 1"))
            }
        }

        @Test("e2e: compose-file: the pod described by pod.compose.file, a Swarm config in the controller, answers")
        func composeFile() throws {
            try run("compose-file") {
                let page = try HTTP.get("http://127.0.0.1:18141/")
                #expect(page.status == 200)
                #expect(page.body.contains("hello from the app"), "\(page.body)")
            }
        }
    }
}
