import Foundation
import Testing

extension EndToEndSuites {
    /// The controller as a Swarm service task, where the IPC namespace is private.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine in Swarm mode"))
    struct SwarmEndToEndTests {
        /// `docker service create` of the controller with `--container-label`s.
        static func createService(
            _ prefix: String, labels: [String: String], arguments: [String] = ["--logs"], serviceOptions: [String] = []
        ) throws -> String {
            let name = EndToEnd.uniqueName(prefix)
            var command = [
                "docker", "service", "create", "--detach", "--quiet", "--name", name, "--no-resolve-image",
                "--restart-condition", "none",
                "--mount", "type=bind,source=\(EndToEnd.socketPath),target=/var/run/docker.sock",
            ]
            for (key, value) in labels.sorted(by: { $0.key < $1.key }) {
                command += ["--container-label", "\(key)=\(value)"]
            }
            command += serviceOptions + [EndToEnd.controllerImage] + arguments
            let output = try EndToEnd.run(command)
            #expect(output.status == 0, "service create failed: \(output.stderr)")
            return name
        }

        /// The service's task container, once Swarm has created it.
        static func taskContainer(of service: String, within seconds: Double = 60) throws -> ControllerRun {
            let found = try EndToEnd.poll(within: seconds, {
                try EndToEnd.containers(label: "com.docker.swarm.service.name=\(service)").first
            }, until: { $0 != nil })
            guard let id = found else { throw SwarmTimeout(what: "a task of \(service)") }
            let name = try EndToEnd.docker("inspect", "-f", "{{.Name}}", id).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            return ControllerRun(name: name)
        }

        struct SwarmTimeout: Error { var what: String }

        static func removeService(_ service: String) {
            _ = try? EndToEnd.run(["docker", "service", "rm", service])
        }

        @Test("e2e: as a Swarm service, components share /dev/shm through the IPC holder")
        func ipcInSwarm() throws {
            let service = try Self.createService("swarm-ipc", labels: PodEndToEndTests.ipcLabels)
            defer { Self.removeService(service) }
            let task = try Self.taskContainer(of: service)
            defer { task.remove() }
            #expect(try task.exitCode() == 0)
            let logs = try task.logs()
            #expect(logs.contains("reader | ipc-shared"), "\(logs)")
            try task.expectNothingLeft()
        }

        @Test("e2e: as a Swarm service the pod runs, and docker service rm leaves no component behind")
        func serviceRemove() throws {
            let service = try Self.createService("swarm-rm", labels: [
                "pod.container.web": busybox("echo swarm-pod > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"),
                "pod.container.probe": busybox("sleep 1; wget -qO- http://localhost:8080/; exec sleep 300"),
            ])
            defer { Self.removeService(service) }
            let task = try Self.taskContainer(of: service)
            defer { task.remove() }
            #expect(try task.waitForOutput("probe | swarm-pod"))
            let running = try task.leftovers()
            #expect(running.count == 3, "two components and the IPC holder, got \(running)")
            try EndToEnd.docker("service", "rm", service)
            try task.expectNothingLeft(within: 30)
        }

        @Test("e2e: docker stack deploy: components under labels or deploy.labels; three isolated replicas; an image change, update --force, scale to 0 and stack rm leave nothing behind")
        func stackLifecycle() throws {
            try StackScenarios.lifecycle(on: .singleNode, onePerNode: false)
        }

        @Test("e2e: in a stack, a component's data:/x is the stack's own volume, as the original resolved it, not a node-wide one")
        func stackVolumeReference() throws {
            let cluster = SwarmCluster.singleNode
            let stack = Stack("volref", on: cluster)
            defer { stack.cleanUp() }
            let writer = busybox("echo from-the-pod > /shared/file; echo written; exec sleep 300", extra: "volumes: ['data:/shared']\n")
            try stack.deploy("""
                version: "3.8"
                services:
                \(Stack.controllerService("pod", on: cluster, arguments: ["--logs", "--no-volumes"], volumes: ["data:/data"], labels: ["pod.container.writer": writer]))
                volumes:
                  data: {}

                """)
            let pods = try cluster.waitForPods(of: stack.service("pod"), count: 1, components: 1)
            let pod = try #require(pods.first)
            _ = try cluster.waitForLog(of: pod, containing: ["| written"])
            let read = try EndToEnd.run(["docker", "run", "--rm", "-v", "\(stack.name)_data:/v", EndToEnd.busybox, "cat", "/v/file"])
            #expect(read.stdout.contains("from-the-pod"), "\(read.stdout)\(read.stderr)")
            #expect(try EndToEnd.run(["docker", "volume", "inspect", "data"]).status != 0, "a node-wide volume data was made")
        }

        @Test("e2e: a stack's --no-pids controller killed by SIGKILL leaves orphans that the controller Swarm starts next reaps")
        func stackReapAfterKill() throws {
            try StackScenarios.reapAfterKill(on: .singleNode, node: SwarmCluster.singleNode.nodes[0])
        }

        @Test("e2e: on Swarm the engine socket reaches only the component that lists it in its own volumes; the controller's volume is shared")
        func stackSocketOnlyWhereAsked() throws {
            try SecurityScenarios.socketOnlyWhereAsked(on: .singleNode, node: SwarmCluster.singleNode.nodes[0], hostSocket: EndToEnd.socketPath)
        }

        @Test("e2e: on Swarm, bad component names, relative pod.copy destinations and files only the host has exit 125 and create nothing")
        func stackRejectsBadInput() throws {
            try SecurityScenarios.rejectsBadInput(on: .singleNode)
        }

        @Test("e2e: service labels define the pod, and the service's stop grace period bounds its stop")
        func serviceLabelsAndGrace() throws {
            let slow = busybox("trap 'echo slow ignores TERM' TERM; echo slow-up; while true; do sleep 1 & wait $!; done", extra: "stop_grace_period: 1m\n")
            let service = try Self.createService("swarm-spec", labels: [:], serviceOptions: [
                "--label", "pod.container.slow=\(slow)",
                "--label", "pod.container.quick=\(busybox("exec sleep 300"))",
                // A container label wins over a service label with the same key.
                "--container-label", "pod.container.quick=\(busybox("echo container-label-wins; exec sleep 300"))",
                "--stop-grace-period", "4s",
            ])
            defer { Self.removeService(service) }
            let task = try Self.taskContainer(of: service)
            defer { task.remove() }
            #expect(try task.waitForOutput("| slow-up"))
            #expect(try task.waitForOutput("container-label-wins"))

            try EndToEnd.docker("kill", "-s", "TERM", task.name)
            #expect(try task.exitCode() == 0)
            let clamped = try task.logs().split(separator: "\n").filter { $0.contains("clamped") }
            #expect(clamped.count == 1 && clamped[0].contains("component=slow") && clamped[0].contains("4.0s"), "\(clamped)")
            try task.expectNothingLeft()
        }
    }
}
