import Foundation
import Testing

extension EndToEndSuites {
    /// Every folder in examples/ runs here, as a user would run it.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine in Swarm mode"))
    struct ExamplesEndToEndTests {
        static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

        @Test("e2e: examples/sidecar/run.sh runs the pod, the client reaches the server, and nothing is left")
        func sidecarRun() throws {
            let name = EndToEnd.uniqueName("sidecar-example")
            let pod = ControllerRun(name: name)
            defer { pod.remove() }
            let output = try EndToEnd.run(["env", "POD_NAME=\(name)", "timeout", "120", "bash", Self.examples.appendingPathComponent("sidecar/run.sh").path])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.components(separatedBy: "client | hello from the server").count - 1 == 3, "\(output.stdout)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: examples/sidecar/stack.yml deploys with docker stack deploy, and docker stack rm leaves nothing")
        func sidecarStack() throws {
            let stack = EndToEnd.uniqueName("sidecar")
            defer { _ = try? EndToEnd.run(["docker", "stack", "rm", stack]) }
            try EndToEnd.docker("stack", "deploy", "--resolve-image", "never", "-c", Self.examples.appendingPathComponent("sidecar/stack.yml").path, stack)
            let task = try SwarmEndToEndTests.taskContainer(of: "\(stack)_pod")
            defer { task.remove() }
            #expect(try task.waitForOutput("client | hello from the server"))
            try EndToEnd.docker("stack", "rm", stack)
            try task.expectNothingLeft(within: 40)
        }
    }
}
