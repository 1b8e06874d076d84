import Foundation
import Testing

/// A Swarm of a manager and two workers on this machine, each node a separate
/// dockerd that `scripts/multinode-swarm.sh` starts in its own network namespace.
/// Tests talk to each node through its own socket.
enum MultiNodeSwarm {
    static let nodes = ["manager", "worker1", "worker2"]

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

    static var cluster: SwarmCluster { .multiNode }

    /// `scripts/multinode-swarm.sh ARGS`, bounded by `timeout`.
    @discardableResult
    static func script(_ arguments: [String], timeout seconds: Int) throws -> EndToEnd.Output {
        try EndToEnd.run(["timeout", "\(seconds)", script] + arguments)
    }

    /// A service of the controller on the workers, its pod defined by container
    /// labels only (the workers can't read service labels), mounting the socket
    /// of whichever node runs the task: the script names every node's socket
    /// after its hostname.
    static func createService(
        _ prefix: String, controllerArguments: [String] = ["--logs"], serviceOptions: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let name = EndToEnd.uniqueName(prefix)
        let output = try cluster.run(on: cluster.manager, [
            "service", "create", "--detach", "--quiet", "--name", name, "--no-resolve-image",
            "--constraint", "node.role==worker", "--stop-grace-period", "10s",
            "--mount", "type=bind,source=\(cluster.socketSource),target=/var/run/docker.sock",
            "--container-label", "pod.container.app=\(busybox("echo app-up; exec sleep 300"))",
            "--container-label", "pod.container.side=\(busybox("exec sleep 300"))",
        ] + serviceOptions + [EndToEnd.controllerImage] + controllerArguments)
        #expect(output.status == 0, "service create failed: \(output.stderr)", sourceLocation: sourceLocation)
        return name
    }

    /// Removes the service, then anything of its pods on any node that answers.
    static func removeService(_ service: String) {
        _ = try? cluster.run(on: cluster.manager, ["service", "rm", service])
        Thread.sleep(forTimeInterval: 1)
        for node in cluster.nodes {
            let pods = (try? cluster.podContainers(of: service, on: node)) ?? []
            let controllers = (try? cluster.controllers(of: service, on: node, all: true)) ?? []
            for id in pods + controllers {
                _ = try? cluster.run(on: node, ["rm", "-f", id], timeout: 20)
            }
        }
    }

    /// Waits until the manager reports `node` with `status` (Ready, Down).
    static func waitForNode(_ node: SwarmCluster.Node, status: String, within seconds: Double = 60,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let current = try EndToEnd.poll(within: seconds, every: 1, {
            try cluster.run(on: cluster.manager, ["node", "inspect", "-f", "{{.Status.State}}", node.name], timeout: 20).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }, until: { $0.lowercased() == status.lowercased() })
        if current.lowercased() == status.lowercased() { return }
        Issue.record("node \(node.name) is \(current), not \(status), after \(seconds)s", sourceLocation: sourceLocation)
        throw SwarmCluster.Failure(what: "node \(node.name) \(status)")
    }
}

/// Brings the swarm up before the suite and tears it down after it, once.
struct MultiNodeSwarmScope: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let up = try MultiNodeSwarm.script(["up"], timeout: 180)
        guard up.status == 0 else {
            Issue.record("scripts/multinode-swarm.sh up failed (\(up.status)):\n\(up.stderr.suffix(3000))")
            _ = try? MultiNodeSwarm.script(["down"], timeout: 120)
            throw SwarmCluster.Failure(what: "the multi-node swarm")
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
        let cluster = SwarmCluster.multiNode

        @Test("e2e: on a Swarm worker the controller runs its pod from container labels and says once that service labels are not visible")
        func workerNode() throws {
            let service = try MultiNodeSwarm.createService("mn-worker")
            defer { MultiNodeSwarm.removeService(service) }
            let pod = try cluster.waitForPod(of: service, on: cluster.workers)
            #expect(cluster.workers.contains(pod.node))

            let output = try cluster.logs(of: pod)
            #expect(output.contains("app | app-up") || output.contains("app-up"), "\(output)")
            let notices = output.split(separator: "\n").filter { $0.contains("this node is a Swarm worker, which can't read the service spec") }
            #expect(notices.count == 1, "expected the worker notice once:\n\(output)")

            try cluster.docker(on: cluster.manager, ["service", "rm", service])
            try cluster.expectNoPodContainers(of: service)
        }

        @Test("e2e: draining the pod's node moves the pod to another node and leaves nothing on the drained one")
        func drain() throws {
            let service = try MultiNodeSwarm.createService("mn-drain")
            defer { MultiNodeSwarm.removeService(service) }
            let first = try cluster.waitForPod(of: service, on: cluster.workers)
            defer { _ = try? cluster.run(on: cluster.manager, ["node", "update", "--availability", "active", first.node.name]) }

            try cluster.docker(on: cluster.manager, ["node", "update", "--availability", "drain", first.node.name])
            let other = cluster.workers.filter { $0 != first.node }
            let second = try cluster.waitForPod(of: service, on: other, within: 60)
            #expect(second.node != first.node)
            try cluster.expectNoPodContainers(of: service, on: [first.node], within: 30)
            // Swarm keeps the stopped task container as task history; none runs.
            #expect(try cluster.controllers(of: service, on: first.node).isEmpty,
                    "the drained node runs no controller of \(service)")

            try cluster.docker(on: cluster.manager, ["node", "update", "--availability", "active", first.node.name])
            try cluster.docker(on: cluster.manager, ["service", "rm", service])
            try cluster.expectNoPodContainers(of: service)
        }

        @Test("e2e: docker stack deploy across nodes: one isolated pod per node from labels, service labels read on the manager; an image change, update --force, scale to 0 and stack rm leave nothing on any node")
        func stackLifecycle() throws {
            try StackScenarios.lifecycle(on: cluster, onePerNode: true)
        }

        @Test("e2e: on a worker, a --no-pids controller killed by SIGKILL leaves orphans that its replacement on that worker reaps")
        func reapOnWorker() throws {
            try StackScenarios.reapAfterKill(on: cluster, node: cluster.node("worker1"))
        }

        @Test("e2e: orphans left on a node that Swarm moved the pod away from are removed by a global podlike reap service")
        func reapWhereNoControllerStarts() throws {
            let service = try MultiNodeSwarm.createService("mn-moved", controllerArguments: ["--logs", "--no-pids"],
                                                           serviceOptions: ["--restart-delay", "10s"])
            defer { MultiNodeSwarm.removeService(service) }
            let killed = try cluster.waitForPod(of: service, on: cluster.workers)
            let orphans = try cluster.podContainers(of: service, on: killed.node)
            #expect(orphans.count == 3, "two components and the IPC holder: \(orphans)")
            defer { _ = try? cluster.run(on: cluster.manager, ["node", "update", "--availability", "active", killed.node.name]) }

            // The controller dies; before Swarm restarts it, its node is drained, so
            // the replacement runs on the other worker and nothing starts here.
            try cluster.docker(on: killed.node, ["kill", "-s", "KILL", killed.controller])
            try cluster.docker(on: cluster.manager, ["node", "update", "--availability", "drain", killed.node.name])
            let other = cluster.workers.filter { $0 != killed.node }
            let replacement = try cluster.waitForPod(of: service, excluding: [killed], on: other, within: 60)
            try cluster.docker(on: cluster.manager, ["node", "update", "--availability", "active", killed.node.name])
            #expect(Set(try cluster.podContainers(of: service, on: killed.node)) == Set(orphans),
                    "without PID sharing, the killed controller's pod runs on where no controller starts")

            // The README's recipe: one `podlike reap` task on every node.
            let reap = EndToEnd.uniqueName("mn-reap")
            defer { _ = try? cluster.run(on: cluster.manager, ["service", "rm", reap]) }
            try cluster.docker(on: cluster.manager, [
                "service", "create", "--detach", "--quiet", "--name", reap, "--mode", "global", "--restart-condition", "none",
                "--no-resolve-image", "--mount", "type=bind,source=\(cluster.socketSource),target=/var/run/docker.sock",
                EndToEnd.controllerImage, "reap",
            ])
            try cluster.expectNoPodContainers(of: service, on: [killed.node], within: 60)
            let reaper = try cluster.controllers(of: reap, on: killed.node, all: true).first
            let log = try cluster.run(on: killed.node, ["logs", try #require(reaper)]).stdout
            #expect(log.contains("removed 3 containers of 1 pod"), "\(log)")
            // The running replacement is not an orphan.
            #expect(try cluster.controllers(of: service, on: replacement.node) == [replacement.controller])
            #expect(try cluster.podContainers(of: service, on: replacement.node).count == 3)

            try cluster.docker(on: cluster.manager, ["service", "rm", service])
            try cluster.expectNoPodContainers(of: service)
        }

        @Test("e2e: on a worker the engine socket reaches only the component that lists it; bad labels exit 125 and create nothing on any node")
        func security() throws {
            try SecurityScenarios.socketOnlyWhereAsked(on: cluster, node: cluster.node("worker2"), hostSocket: MultiNodeSwarm.socket("worker2"))
            try SecurityScenarios.rejectsBadInput(on: cluster)
        }

        /// `kill` is a lost node (SIGKILL: its containers run on until it returns);
        /// `stop` an orderly stop (SIGTERM: the engine stops its containers).
        /// Takes a worker away: its engine killed or stopped (`multinode-swarm.sh kill|stop`),
        /// or its network cut (`cut`: the host end of its veth down) while the engine runs on.
        static func takeAway(_ node: SwarmCluster.Node, how: String) throws -> EndToEnd.Output {
            how == "cut" ? try EndToEnd.run(["ip", "link", "set", "plsw-\(node.name)", "down"])
                : try MultiNodeSwarm.script([how, node.name], timeout: 90)
        }

        static func bringBack(_ node: SwarmCluster.Node, how: String) throws -> EndToEnd.Output {
            how == "cut" ? try EndToEnd.run(["ip", "link", "set", "plsw-\(node.name)", "up"])
                : try MultiNodeSwarm.script(["start", node.name], timeout: 90)
        }

        @Test("e2e: when a worker's engine stops or dies, or its network is cut for longer than the Swarm heartbeat, Swarm runs the pod elsewhere, and none of the old pod is left when the node returns",
              arguments: ["kill", "stop", "cut"])
        func nodeLoss(how: String) throws {
            let service = try MultiNodeSwarm.createService("mn-loss", controllerArguments: ["--logs", "--no-pids"],
                                                           serviceOptions: ["--restart-delay", "1s"])
            defer { MultiNodeSwarm.removeService(service) }
            let lost = try cluster.waitForPod(of: service, on: cluster.workers)
            let oldPod = try cluster.podContainers(of: service, on: lost.node)
            #expect(oldPod.count == 3, "two components and the IPC holder: \(oldPod)")
            defer { _ = try? Self.bringBack(lost.node, how: how) }

            let kill = try Self.takeAway(lost.node, how: how)
            #expect(kill.status == 0, "\(kill.stderr)")
            try MultiNodeSwarm.waitForNode(lost.node, status: "down", within: 60)
            let other = cluster.workers.filter { $0 != lost.node }
            let replacement = try cluster.waitForPod(of: service, on: other, within: 60)
            #expect(replacement.node != lost.node)

            let start = try Self.bringBack(lost.node, how: how)
            #expect(start.status == 0, "\(start.stderr)")
            try MultiNodeSwarm.waitForNode(lost.node, status: "ready", within: 60)

            // Whatever of the old pod the returning engine still holds, `podlike reap`
            // over that node's socket removes; then nothing of it is left there.
            // The engine's restore (no live-restore: Swarm mode forbids it) may already
            // have removed them; say how many the reap found.
            // The returning node's Swarm agent learns that the task runs elsewhere and
            // shuts the old one down; until it has, the old controller may still run,
            // and its pod is then no orphan.
            _ = try EndToEnd.poll(within: 60, { try cluster.controllers(of: service, on: lost.node) }, until: \.isEmpty)
            let returned = try cluster.podContainers(of: service, on: lost.node)
            let oldControllers = try cluster.controllers(of: service, on: lost.node, all: true)
            print("◇ \(lost.node.name) returned holding \(returned.count) of the old pod's containers"
                  + (returned.isEmpty ? "" : ": \(cluster.describe([lost.node.name: returned]))")
                  + "; its controller: \(oldControllers.isEmpty ? "removed" : cluster.describe([lost.node.name: oldControllers]))")
            let binary = try EndToEnd.builtBinary()
            let reap = try EndToEnd.run(["env", "DOCKER_HOST=unix://\(MultiNodeSwarm.socket(lost.node.name))", "timeout", "90", binary, "reap"])
            #expect(reap.status == 0, "podlike reap on \(lost.node.name) failed: \(reap.stderr)")
            print("◇ podlike reap on \(lost.node.name): \(reap.stdout.split(separator: "\n").joined(separator: " / "))")
            try cluster.expectNoPodContainers(of: service, on: [lost.node], within: 30)
            #expect(try cluster.controllers(of: service, on: lost.node).isEmpty,
                    "the returning node runs no controller of \(service)")
            // The replacement is untouched by the reap.
            #expect(try cluster.controllers(of: service, on: replacement.node) == [replacement.controller])

            try cluster.docker(on: cluster.manager, ["service", "rm", service])
            try cluster.expectNoPodContainers(of: service)
        }
    }
}
