import Foundation
import Testing

extension EndToEndSuites {
    /// Pod health as the engine and Swarm see it, and `podlike status` inside the controller.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine in Swarm mode"))
    struct HealthEndToEndTests {
        static func health(of container: String) throws -> String {
            try EndToEnd.run(["docker", "inspect", "-f", "{{if .State.Health}}{{.State.Health.Status}}{{end}}", container])
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        @Test("e2e: a Swarm task reports healthy only once its component's file appears")
        func swarmTaskHealth() throws {
            let service = try SwarmEndToEndTests.createService("health", labels: [
                "pod.container.app": busybox(
                    "sleep 8; touch /tmp/ready; echo ready-now; exec sleep 300",
                    extra: "healthcheck:\n  test: [CMD, test, -f, /tmp/ready]\n  interval: 1s\n  retries: 1\n"),
                "pod.container.sidecar": busybox("exec sleep 300"),
            ])
            defer { SwarmEndToEndTests.removeService(service) }
            let task = try SwarmEndToEndTests.taskContainer(of: service)
            defer { task.remove() }
            #expect(try task.waitForOutput("component=sidecar"))

            // Before the file exists the pod is not healthy, and the healthcheck says why.
            let early = try EndToEnd.run(["docker", "exec", task.name, "podlike", "healthcheck"])
            #expect(early.status == 1)
            #expect(early.stdout.contains("app"), "\(early.stdout)")
            #expect(try Self.health(of: task.name) != "healthy")

            let status = try EndToEnd.poll(within: 60, every: 1, { try Self.health(of: task.name) }, until: { $0 == "healthy" })
            #expect(status == "healthy")
            #expect(try task.logs().contains("| ready-now"), "the task became healthy before the file appeared")
            let late = try EndToEnd.run(["docker", "exec", task.name, "podlike", "healthcheck"])
            #expect(late.status == 0, "\(late.stdout)\(late.stderr)")

            SwarmEndToEndTests.removeService(service)
            try task.expectNothingLeft(within: 30)
        }

        @Test("e2e: podlike status inside the controller lists each component, also as JSON")
        func status() throws {
            let pod = try ControllerRun.start("status", labels: [
                "pod.container.web": busybox("echo up; exec sleep 300"),
                "pod.container.worker": busybox("exec sleep 300"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.waitForOutput("component=worker"))
            #expect(try pod.waitForOutput("component=web"))

            let table = try EndToEnd.run(["docker", "exec", pod.name, "podlike", "status"])
            #expect(table.status == 0, "\(table.stderr)")
            for name in ["web", "worker"] {
                let line = table.stdout.split(separator: "\n").first { $0.hasPrefix(name + " ") }
                #expect(line?.contains("running") == true, "\(table.stdout)")
            }

            let json = try EndToEnd.run(["docker", "exec", pod.name, "podlike", "status", "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let components = try #require(object["components"] as? [[String: Any]])
            #expect(Set(components.compactMap { $0["name"] as? String }) == ["web", "worker"])

            try EndToEnd.docker("stop", pod.name)
            #expect(try pod.exitCode() == 0)
            try pod.expectNothingLeft()
        }
    }
}
