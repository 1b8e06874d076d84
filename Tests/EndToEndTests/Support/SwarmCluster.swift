import Foundation
import Testing

/// A Swarm as the tests see it: each node's engine, reached with its own
/// `docker -H`. The single-node Swarm is the host's engine; the multi-node one is
/// the manager and two workers of `scripts/multinode-swarm.sh`.
struct SwarmCluster: Sendable {
    struct Node: Sendable, Hashable {
        var name: String
        /// The docker CLI, pointed at this node's engine.
        var docker: [String]
    }

    var nodes: [Node]
    /// The node whose engine takes `docker stack` and `docker service` commands.
    var manager: Node
    /// The engine socket to bind-mount into controllers: a Swarm template where
    /// each node has its own socket.
    var socketSource: String

    static let singleNode: SwarmCluster = {
        let node = Node(name: "local", docker: ["docker"])
        return SwarmCluster(nodes: [node], manager: node, socketSource: EndToEnd.socketPath)
    }()

    static let multiNode: SwarmCluster = {
        let nodes = MultiNodeSwarm.nodes.map { Node(name: $0, docker: ["docker", "-H", "unix://\(MultiNodeSwarm.socket($0))"]) }
        return SwarmCluster(nodes: nodes, manager: nodes[0], socketSource: "/run/podlike-swarm/{{.Node.Hostname}}.sock")
    }()

    /// The node named `name`; the tests name only nodes that exist.
    func node(_ name: String) -> Node {
        guard let node = nodes.first(where: { $0.name == name }) else { preconditionFailure("no node \(name) in this swarm") }
        return node
    }

    /// Every node but the manager.
    var workers: [Node] { nodes.filter { $0 != manager } }

    /// A running pod: its node and its controller's full ID.
    struct Pod: Sendable, Hashable, CustomStringConvertible {
        var node: Node
        var controller: String
        var description: String { "\(controller.prefix(12)) on \(node.name)" }
    }

    /// `docker ARGS` on `node`, bounded by `timeout`.
    @discardableResult
    func run(on node: Node, _ arguments: [String], timeout seconds: Int = 60) throws -> EndToEnd.Output {
        try EndToEnd.run(["timeout", "\(seconds)"] + node.docker + arguments)
    }

    /// Like `run`, failing the test when the command fails; its trimmed output.
    @discardableResult
    func docker(on node: Node, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let output = try run(on: node, arguments)
        if output.status != 0 {
            Issue.record("docker on \(node.name) \(arguments.joined(separator: " ")) failed (\(output.status)): \(output.stderr)",
                         sourceLocation: sourceLocation)
        }
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func lines(on node: Node, _ arguments: [String]) throws -> [String] {
        let output = try run(on: node, arguments, timeout: 20)
        guard output.status == 0 else { throw Failure(what: "docker on \(node.name) \(arguments.joined(separator: " ")): \(output.stderr)") }
        return output.stdout.split(separator: "\n").map(String.init)
    }

    /// Full IDs of the service's controllers (task containers) on `node`: running
    /// ones, or with `all` stopped ones too (Swarm keeps them as task history).
    func controllers(of service: String, on node: Node, all: Bool = false) throws -> [String] {
        try lines(on: node, ["ps", all ? "-aq" : "-q", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=\(service)"])
    }

    /// The service's running controllers on `nodes` whose pods run `components` components.
    func pods(of service: String, components: Int, on nodes: [Node]? = nil) throws -> Set<Pod> {
        var pods: Set<Pod> = []
        for node in nodes ?? self.nodes {
            for controller in try controllers(of: service, on: node) {
                let running = try lines(on: node, [
                    "ps", "-q", "--filter", "label=io.podlike.controller=\(controller)", "--filter", "label=io.podlike.component",
                ])
                if running.count == components { pods.insert(Pod(node: node, controller: controller)) }
            }
        }
        return pods
    }

    /// Waits until exactly `count` pods of the service, other than `excluding`, run their components.
    func waitForPods(of service: String, count: Int, components: Int, excluding: Set<Pod> = [], on nodes: [Node]? = nil,
                     within seconds: Double = 90, sourceLocation: SourceLocation = #_sourceLocation) throws -> Set<Pod> {
        let ready = try EndToEnd.poll(within: seconds, every: 1, {
            try pods(of: service, components: components, on: nodes).subtracting(excluding)
        }, until: { $0.count == count })
        if ready.count == count { return ready }
        let tasks = (try? run(on: manager, ["service", "ps", "--no-trunc", service]).stdout) ?? ""
        Issue.record("\(service) ran \(ready.count) new pods, not \(count), within \(seconds)s:\n\(tasks)", sourceLocation: sourceLocation)
        throw Failure(what: "\(count) pods of \(service)")
    }

    /// The one pod of the service on `nodes` other than `excluding`, once it runs
    /// its `components`.
    func waitForPod(of service: String, components: Int = 2, excluding: Set<Pod> = [], on nodes: [Node]? = nil,
                    within seconds: Double = 90, sourceLocation: SourceLocation = #_sourceLocation) throws -> Pod {
        let pods = try waitForPods(of: service, count: 1, components: components, excluding: excluding, on: nodes,
                                   within: seconds, sourceLocation: sourceLocation)
        return pods.first!
    }

    /// Pod containers (components and IPC holders) of the service's tasks on
    /// `node`, running or not. Each task's pod is named `<service>.<slot>.<task>`.
    func podContainers(of service: String, on node: Node) throws -> [String] {
        try lines(on: node, [
            "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Label \"io.podlike.pod\"}}", "--filter", "label=io.podlike.controller",
        ]).compactMap { line -> String? in
            let fields = line.split(separator: " ", maxSplits: 1).map(String.init)
            return fields.count == 2 && fields[1].hasPrefix("\(service).") ? fields[0] : nil
        }
    }

    /// The same on `nodes`, by node name; nodes without any are left out.
    func podContainers(of service: String, on nodes: [Node]? = nil) throws -> [String: [String]] {
        var found: [String: [String]] = [:]
        for node in nodes ?? self.nodes {
            let ids = try podContainers(of: service, on: node)
            if !ids.isEmpty { found[node.name] = ids }
        }
        return found
    }

    /// Containers, running or not, labelled with one of these pods' controllers.
    func podContainers(of pods: Set<Pod>) throws -> [String] {
        try pods.flatMap { pod in
            try lines(on: pod.node, ["ps", "-aq", "--no-trunc", "--filter", "label=io.podlike.controller=\(pod.controller)"])
        }
    }

    /// Waits until no pod container of the service is left on `nodes`.
    func expectNoPodContainers(of service: String, on nodes: [Node]? = nil, within seconds: Double = 45,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let left = try EndToEnd.poll(within: seconds, { try podContainers(of: service, on: nodes) }, until: \.isEmpty)
        if !left.isEmpty {
            Issue.record("pod containers of \(service) left behind: \(describe(left))", sourceLocation: sourceLocation)
        }
    }

    /// Each container by name and engine state (`running`, `removing`, `dead`…),
    /// so that a failure says what the engine was doing with what was left.
    func describe(_ containers: [String: [String]]) -> String {
        containers.sorted { $0.key < $1.key }.map { name, ids in
            let states = (try? run(on: node(name), ["inspect", "-f", "{{.Name}} {{.State.Status}} exit={{.State.ExitCode}} {{.State.Error}}"] + ids, timeout: 20))
                .map { $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + $0.stderr } ?? "(inspect failed)"
            return "\(name): \(states)"
        }
        .joined(separator: "; ")
    }

    /// Waits until no pod container of the service is left on any node, and no controller of it runs.
    func expectNothingLeft(of service: String, within seconds: Double = 45, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(seconds)
        try expectNoPodContainers(of: service, within: seconds, sourceLocation: sourceLocation)
        let running = try EndToEnd.poll(within: max(0, deadline.timeIntervalSinceNow), {
            try nodes.flatMap { try controllers(of: service, on: $0) }
        }, until: \.isEmpty)
        if !running.isEmpty { Issue.record("\(service) still runs controllers \(running)", sourceLocation: sourceLocation) }
    }

    /// Waits until nothing labelled with these pods' controllers is left.
    func expectNothingLeft(of pods: Set<Pod>, within seconds: Double = 45, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let left = try EndToEnd.poll(within: seconds, { try podContainers(of: pods) }, until: \.isEmpty)
        if !left.isEmpty { Issue.record("containers of the replaced pods \(pods) left behind: \(left)", sourceLocation: sourceLocation) }
    }

    /// The controller's log, stdout and stderr.
    func logs(of pod: Pod) throws -> String {
        let output = try run(on: pod.node, ["logs", pod.controller], timeout: 20)
        return output.stdout + output.stderr
    }

    /// Tags `image` as `tag` on every node, as a new image of a service would arrive.
    func tag(_ image: String, as tag: String) throws {
        for node in nodes { try docker(on: node, ["tag", image, tag]) }
    }

    /// Removes the tag from every node, leaving the image it named.
    func untag(_ tag: String) {
        for node in nodes { _ = try? run(on: node, ["rmi", tag], timeout: 30) }
    }

    struct Failure: Error, CustomStringConvertible {
        var what: String
        var description: String { "timed out or failed waiting for \(what)" }
    }
}

extension SwarmCluster {
    /// Polls the controller's log until it holds every one of `texts`.
    func waitForLog(of pod: Pod, containing texts: [String], within seconds: Double = 60,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let log = try EndToEnd.poll(within: seconds, { try logs(of: pod) }, until: { log in texts.allSatisfy(log.contains) })
        if texts.allSatisfy(log.contains) { return log }
        Issue.record("the log of \(pod) lacks \(texts.filter { !log.contains($0) }):\n\(log)", sourceLocation: sourceLocation)
        return log
    }
}
