import Foundation
import Testing

/// A Swarm of a manager and two workers on this machine, each node a separate
/// dockerd that `scripts/multinode-swarm.sh` starts in its own network namespace.
/// Tests talk to each node through its own socket.
enum MultiNodeSwarm {
    static let nodes = ["manager", "worker1", "worker2"]
    static let workers = ["worker1", "worker2"]

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = repositoryRoot.appendingPathComponent("scripts/multinode-swarm.sh").path

    static func socket(_ node: String) -> String { "/run/podlike-swarm/\(node).sock" }

    /// Whether the suite runs: always with PODLIKE_E2E=required (a missing tool then
    /// fails the suite when it brings the swarm up); otherwise only as root with the
    /// tools the script needs.
    static let available: Bool = {
        if EndToEnd.required { return true }
        guard EndToEnd.engineAvailable, getuid() == 0 else {
            print("◇ multi-node end-to-end tests skipped: they need root and a Docker engine")
            return false
        }
        let missing = ["ip", "iptables", "nsenter", "unshare", "dockerd"].filter {
            (try? EndToEnd.run(["sh", "-c", "command -v \($0)"]).status) != 0
        }
        if !missing.isEmpty {
            print("◇ multi-node end-to-end tests skipped: missing \(missing); set PODLIKE_E2E=required to make that an error")
        }
        return missing.isEmpty
    }()

    /// `docker -H unix://<node's socket> ...`, bounded by `timeout`.
    @discardableResult
    static func run(_ node: String, _ arguments: [String], timeout seconds: Int = 60) throws -> EndToEnd.Output {
        try EndToEnd.run(["timeout", "\(seconds)", "docker", "-H", "unix://\(socket(node))"] + arguments)
    }

    /// Like `run`, failing the test when the command fails.
    @discardableResult
    static func docker(_ node: String, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let output = try run(node, arguments)
        if output.status != 0 {
            Issue.record("docker -H \(node) \(arguments.joined(separator: " ")) failed (\(output.status)): \(output.stderr)",
                         sourceLocation: sourceLocation)
        }
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `scripts/multinode-swarm.sh ARGS`, bounded by `timeout`.
    @discardableResult
    static func script(_ arguments: [String], timeout seconds: Int) throws -> EndToEnd.Output {
        try EndToEnd.run(["timeout", "\(seconds)", script] + arguments)
    }

    /// A service of the controller, its pod defined by container labels only (the
    /// workers can't read service labels), mounting the socket of whichever node
    /// runs the task: the script names every node's socket after its hostname.
    static func createService(
        _ prefix: String, controllerArguments: [String] = ["--logs"], serviceOptions: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let name = EndToEnd.uniqueName(prefix)
        let output = try run("manager", [
            "service", "create", "--detach", "--quiet", "--name", name, "--no-resolve-image",
            "--constraint", "node.role==worker", "--stop-grace-period", "10s",
            "--mount", "type=bind,source=/run/podlike-swarm/{{.Node.Hostname}}.sock,target=/var/run/docker.sock",
            "--container-label", "pod.container.app=\(busybox("echo app-up; exec sleep 300"))",
            "--container-label", "pod.container.side=\(busybox("exec sleep 300"))",
        ] + serviceOptions + [EndToEnd.controllerImage] + controllerArguments)
        #expect(output.status == 0, "service create failed: \(output.stderr)", sourceLocation: sourceLocation)
        return name
    }

    /// Removes the service, then anything of its pods on any node that answers.
    static func removeService(_ service: String) {
        _ = try? run("manager", ["service", "rm", service])
        Thread.sleep(forTimeInterval: 1)
        for node in nodes {
            for id in (try? podContainers(of: service, on: node)) ?? [] {
                _ = try? run(node, ["rm", "-f", id], timeout: 20)
            }
            for id in (try? controllers(of: service, on: node, all: true)) ?? [] {
                _ = try? run(node, ["rm", "-f", id], timeout: 20)
            }
        }
    }

    /// Pod containers (components and IPC holders) of the service's tasks on
    /// `node`, running or not. Their pod is named `<service>.<slot>.<task>`.
    static func podContainers(of service: String, on node: String) throws -> [String] {
        let output = try run(node, [
            "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Label \"io.podlike.pod\"}}", "--filter", "label=io.podlike.controller",
        ], timeout: 20)
        guard output.status == 0 else { throw Failure(what: "docker ps on \(node): \(output.stderr)") }
        return output.stdout.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", maxSplits: 1).map(String.init)
            return fields.count == 2 && fields[1].hasPrefix("\(service).") ? fields[0] : nil
        }
    }

    /// Controller (task) containers of the service on `node`.
    static func controllers(of service: String, on node: String, all: Bool = false) throws -> [String] {
        let output = try run(node, ["ps", all ? "-aq" : "-q", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=\(service)"], timeout: 20)
        guard output.status == 0 else { throw Failure(what: "docker ps on \(node): \(output.stderr)") }
        return output.stdout.split(separator: "\n").map(String.init)
    }

    /// A running pod of the service: its node, and its controller's full ID, once
    /// the controller runs both components. Leaves out the controllers in `excluding`.
    struct Pod: Equatable { var node: String; var controller: String }

    static func waitForPod(of service: String, excluding: Set<String> = [], on candidates: [String] = workers,
                           within seconds: Double = 90, sourceLocation: SourceLocation = #_sourceLocation) throws -> Pod {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            for node in candidates {
                guard let running = try? controllers(of: service, on: node) else { continue }
                for controller in running where !excluding.contains(controller) {
                    let components = try run(node, [
                        "ps", "-q", "--filter", "label=io.podlike.controller=\(controller)", "--filter", "label=io.podlike.component",
                    ], timeout: 20).stdout.split(separator: "\n")
                    if components.count == 2 { return Pod(node: node, controller: controller) }
                }
            }
            Thread.sleep(forTimeInterval: 1)
        }
        let tasks = (try? run("manager", ["service", "ps", "--no-trunc", service]).stdout) ?? ""
        Issue.record("\(service) ran no pod on \(candidates) within \(seconds)s:\n\(tasks)", sourceLocation: sourceLocation)
        throw Failure(what: "a pod of \(service)")
    }

    /// Waits until no pod container of the service is left on `nodes`.
    static func expectNoPodContainers(of service: String, on checked: [String] = nodes, within seconds: Double = 45,
                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var left: [String: [String]] = [:]
        repeat {
            left = [:]
            for node in checked {
                let containers = try podContainers(of: service, on: node)
                if !containers.isEmpty { left[node] = containers }
            }
            if left.isEmpty { return }
            Thread.sleep(forTimeInterval: 0.5)
        } while Date() < deadline
        Issue.record("pod containers of \(service) left behind: \(left)", sourceLocation: sourceLocation)
    }

    /// Waits until the manager reports `node` with `status` (Ready, Down).
    static func waitForNode(_ node: String, status: String, within seconds: Double = 60,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var current = ""
        while Date() < deadline {
            current = try run("manager", ["node", "inspect", "-f", "{{.Status.State}}", node], timeout: 20).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if current.lowercased() == status.lowercased() { return }
            Thread.sleep(forTimeInterval: 1)
        }
        Issue.record("node \(node) is \(current), not \(status), after \(seconds)s", sourceLocation: sourceLocation)
        throw Failure(what: "node \(node) \(status)")
    }

    struct Failure: Error, CustomStringConvertible {
        var what: String
        var description: String { "timed out or failed waiting for \(what)" }
    }
}

/// Brings the swarm up before the suite and tears it down after it, once.
struct MultiNodeSwarmScope: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let up = try MultiNodeSwarm.script(["up"], timeout: 180)
        guard up.status == 0 else {
            Issue.record("scripts/multinode-swarm.sh up failed (\(up.status)):\n\(up.stderr.suffix(3000))")
            _ = try? MultiNodeSwarm.script(["down"], timeout: 120)
            throw MultiNodeSwarm.Failure(what: "the multi-node swarm")
        }
        defer {
            let down = try? MultiNodeSwarm.script(["down"], timeout: 120)
            if down?.status != 0 { Issue.record("scripts/multinode-swarm.sh down failed: \(down?.stderr ?? "")") }
        }
        try await function()
    }
}

extension Trait where Self == MultiNodeSwarmScope {
    static var multiNodeSwarm: Self { MultiNodeSwarmScope() }
}

extension EndToEndSuites {
    /// Podlike on a Swarm of several nodes: on a worker, under drain, and when a node is lost.
    @Suite(.serialized, .enabled(if: MultiNodeSwarm.available, "needs root, iproute2, iptables, util-linux and dockerd"),
           .multiNodeSwarm, .timeLimit(.minutes(15)))
    struct MultiNodeSwarmEndToEndTests {
        @Test("e2e: on a Swarm worker the controller runs its pod from container labels and says once that service labels are not visible")
        func workerNode() throws {
            let service = try MultiNodeSwarm.createService("mn-worker")
            defer { MultiNodeSwarm.removeService(service) }
            let pod = try MultiNodeSwarm.waitForPod(of: service)
            #expect(MultiNodeSwarm.workers.contains(pod.node))

            let logs = try MultiNodeSwarm.run(pod.node, ["logs", pod.controller])
            let output = logs.stdout + logs.stderr
            #expect(output.contains("app | app-up") || output.contains("app-up"), "\(output)")
            let notices = output.split(separator: "\n").filter { $0.contains("this node is a Swarm worker, which can't read the service spec") }
            #expect(notices.count == 1, "expected the worker notice once:\n\(output)")

            try MultiNodeSwarm.docker("manager", "service", "rm", service)
            try MultiNodeSwarm.expectNoPodContainers(of: service)
        }

        @Test("e2e: draining the pod's node moves the pod to another node and leaves nothing on the drained one")
        func drain() throws {
            let service = try MultiNodeSwarm.createService("mn-drain")
            defer { MultiNodeSwarm.removeService(service) }
            let first = try MultiNodeSwarm.waitForPod(of: service)
            defer { _ = try? MultiNodeSwarm.run("manager", ["node", "update", "--availability", "active", first.node]) }

            try MultiNodeSwarm.docker("manager", "node", "update", "--availability", "drain", first.node)
            let other = MultiNodeSwarm.workers.filter { $0 != first.node }
            let second = try MultiNodeSwarm.waitForPod(of: service, on: other, within: 60)
            #expect(second.node != first.node)
            try MultiNodeSwarm.expectNoPodContainers(of: service, on: [first.node], within: 30)
            // Swarm keeps the stopped task container as task history; none runs.
            #expect(try MultiNodeSwarm.controllers(of: service, on: first.node).isEmpty,
                    "the drained node runs no controller of \(service)")

            try MultiNodeSwarm.docker("manager", "node", "update", "--availability", "active", first.node)
            try MultiNodeSwarm.docker("manager", "service", "rm", service)
            try MultiNodeSwarm.expectNoPodContainers(of: service)
        }

        @Test("e2e: docker stack deploy across nodes: one isolated pod per node from labels, service labels read on the manager; an image change, update --force, scale to 0 and stack rm leave nothing on any node")
        func stackLifecycle() throws {
            try StackScenarios.lifecycle(on: .multiNode, onePerNode: true)
        }

        @Test("e2e: on a worker, a --no-pids controller killed by SIGKILL leaves orphans that its replacement on that worker reaps")
        func reapOnWorker() throws {
            let cluster = SwarmCluster.multiNode
            try StackScenarios.reapAfterKill(on: cluster, node: try #require(cluster.nodes.first { $0.name == "worker1" }))
        }

        @Test("e2e: orphans left on a node that Swarm moved the pod away from are removed by a global podlike reap service")
        func reapWhereNoControllerStarts() throws {
            let service = try MultiNodeSwarm.createService("mn-moved", controllerArguments: ["--logs", "--no-pids"],
                                                           serviceOptions: ["--restart-delay", "10s"])
            defer { MultiNodeSwarm.removeService(service) }
            let killed = try MultiNodeSwarm.waitForPod(of: service)
            let orphans = try MultiNodeSwarm.podContainers(of: service, on: killed.node)
            #expect(orphans.count == 3, "two components and the IPC holder: \(orphans)")
            defer { _ = try? MultiNodeSwarm.run("manager", ["node", "update", "--availability", "active", killed.node]) }

            // The controller dies; before Swarm restarts it, its node is drained, so
            // the replacement runs on the other worker and nothing starts here.
            try MultiNodeSwarm.docker(killed.node, "kill", "-s", "KILL", killed.controller)
            try MultiNodeSwarm.docker("manager", "node", "update", "--availability", "drain", killed.node)
            let other = MultiNodeSwarm.workers.filter { $0 != killed.node }
            let replacement = try MultiNodeSwarm.waitForPod(of: service, excluding: [killed.controller], on: other, within: 60)
            try MultiNodeSwarm.docker("manager", "node", "update", "--availability", "active", killed.node)
            #expect(Set(try MultiNodeSwarm.podContainers(of: service, on: killed.node)) == Set(orphans),
                    "without PID sharing, the killed controller's pod runs on where no controller starts")

            // The README's recipe: one `podlike reap` task on every node.
            let reap = EndToEnd.uniqueName("mn-reap")
            defer { _ = try? MultiNodeSwarm.run("manager", ["service", "rm", reap]) }
            try MultiNodeSwarm.docker(
                "manager", "service", "create", "--detach", "--quiet", "--name", reap, "--mode", "global", "--restart-condition", "none",
                "--no-resolve-image", "--mount", "type=bind,source=/run/podlike-swarm/{{.Node.Hostname}}.sock,target=/var/run/docker.sock",
                EndToEnd.controllerImage, "reap")
            try MultiNodeSwarm.expectNoPodContainers(of: service, on: [killed.node], within: 60)
            let reaper = try MultiNodeSwarm.run(killed.node, ["ps", "-aq", "--filter", "label=com.docker.swarm.service.name=\(reap)"])
                .stdout.split(separator: "\n").first.map(String.init)
            let log = try MultiNodeSwarm.run(killed.node, ["logs", try #require(reaper)]).stdout
            #expect(log.contains("removed 3 containers of 1 pod"), "\(log)")
            // The running replacement is not an orphan.
            #expect(try MultiNodeSwarm.controllers(of: service, on: replacement.node) == [replacement.controller])
            #expect(try MultiNodeSwarm.podContainers(of: service, on: replacement.node).count == 3)

            try MultiNodeSwarm.docker("manager", "service", "rm", service)
            try MultiNodeSwarm.expectNoPodContainers(of: service)
        }

        @Test("e2e: on a worker the engine socket reaches only the component that lists it; bad labels exit 125 and create nothing on any node")
        func security() throws {
            let cluster = SwarmCluster.multiNode
            let worker = try #require(cluster.nodes.first { $0.name == "worker2" })
            try SecurityScenarios.socketOnlyWhereAsked(on: cluster, node: worker, hostSocket: MultiNodeSwarm.socket("worker2"))
            try SecurityScenarios.rejectsBadInput(on: cluster)
        }

        /// `kill` is a lost node (SIGKILL: its containers run on until it returns);
        /// `stop` an orderly stop (SIGTERM: the engine stops its containers).
        @Test("e2e: when a worker's engine stops or dies, Swarm runs the pod elsewhere, and none of the old pod is left when the node returns",
              arguments: ["kill", "stop"])
        func nodeLoss(how: String) throws {
            let service = try MultiNodeSwarm.createService("mn-loss", controllerArguments: ["--logs", "--no-pids"],
                                                           serviceOptions: ["--restart-delay", "1s"])
            defer { MultiNodeSwarm.removeService(service) }
            let lost = try MultiNodeSwarm.waitForPod(of: service)
            let oldPod = try MultiNodeSwarm.podContainers(of: service, on: lost.node)
            #expect(oldPod.count == 3, "two components and the IPC holder: \(oldPod)")
            defer { _ = try? MultiNodeSwarm.script(["start", lost.node], timeout: 90) }

            let kill = try MultiNodeSwarm.script([how, lost.node], timeout: 90)
            #expect(kill.status == 0, "\(kill.stderr)")
            try MultiNodeSwarm.waitForNode(lost.node, status: "down", within: 60)
            let other = MultiNodeSwarm.workers.filter { $0 != lost.node }
            let replacement = try MultiNodeSwarm.waitForPod(of: service, on: other, within: 60)
            #expect(replacement.node != lost.node)

            let start = try MultiNodeSwarm.script(["start", lost.node], timeout: 90)
            #expect(start.status == 0, "\(start.stderr)")
            try MultiNodeSwarm.waitForNode(lost.node, status: "ready", within: 60)

            // Whatever of the old pod the returning engine still holds, `podlike reap`
            // over that node's socket removes; then nothing of it is left there.
            // The engine's restore (no live-restore: Swarm mode forbids it) may already
            // have removed them; say how many the reap found.
            let returned = try MultiNodeSwarm.podContainers(of: service, on: lost.node)
            print("◇ \(lost.node) returned holding \(returned.count) of the old pod's containers")
            let binary = try EndToEnd.builtBinary()
            var environment = ["env", "DOCKER_HOST=unix://\(MultiNodeSwarm.socket(lost.node))"]
            environment += ["timeout", "60", binary, "reap"]
            let reap = try EndToEnd.run(environment)
            #expect(reap.status == 0, "podlike reap on \(lost.node) failed: \(reap.stderr)")
            print("◇ podlike reap on \(lost.node): \(reap.stdout.split(separator: "\n").last ?? "")")
            try MultiNodeSwarm.expectNoPodContainers(of: service, on: [lost.node], within: 30)
            #expect(try MultiNodeSwarm.controllers(of: service, on: lost.node).isEmpty,
                    "the returning node runs no controller of \(service)")
            // The replacement is untouched by the reap.
            #expect(try MultiNodeSwarm.controllers(of: service, on: replacement.node) == [replacement.controller])

            try MultiNodeSwarm.docker("manager", "service", "rm", service)
            try MultiNodeSwarm.expectNoPodContainers(of: service)
        }
    }
}
