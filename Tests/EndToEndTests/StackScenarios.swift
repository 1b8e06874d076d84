import Foundation
import Testing

/// Pods deployed with `docker stack deploy`, through their whole Swarm life: the
/// same scenario runs on the single-node Swarm and on the multi-node one.
enum StackScenarios {
    /// Two services. `pod` has three replicas and its component under `labels`
    /// (container labels), one replica per node when `onePerNode`. `spec` runs on
    /// a manager, its components under `deploy.labels` (service labels), with a
    /// container label of the same key overriding one of them.
    static func composeFile(image: String, cluster: SwarmCluster, onePerNode: Bool) -> String {
        let app = busybox("echo app-up; exec sleep 300")
        let main = busybox("echo main-from-service-labels; exec sleep 300")
        let sideFromService = busybox("echo side-from-service-labels; exec sleep 300")
        let sideFromContainer = busybox("echo side-from-container-labels; exec sleep 300")
        return """
            version: "3.8"
            services:
            \(Stack.controllerService("pod", on: cluster, image: image, labels: ["pod.container.app": app]))
                deploy:
                  replicas: 3
                  update_config:
                    parallelism: 3
                  placement:
                    max_replicas_per_node: \(onePerNode ? 1 : 3)
            \(Stack.controllerService("spec", on: cluster, labels: ["pod.container.side": sideFromContainer]))
                deploy:
                  labels:
                    pod.container.main: \(Stack.block(main, indent: 10))
                    pod.container.side: \(Stack.block(sideFromService, indent: 10))
                  placement:
                    constraints: [node.role == manager]

            """
    }

    /// Deploys the stack; checks the pods and where their components came from;
    /// changes the image, forces an update, scales to 0 and removes the stack,
    /// checking after each step that no pod container of what was replaced or
    /// removed is left on any node.
    static func lifecycle(on cluster: SwarmCluster, onePerNode: Bool) throws {
        let stack = Stack("stack", on: cluster)
        defer { stack.cleanUp() }
        let next = "podlike-e2e/next:\(stack.name)"
        try cluster.tag(EndToEnd.controllerImage, as: next)
        defer { cluster.untag(next) }
        let pod = stack.service("pod"), spec = stack.service("spec")

        try stack.deploy(composeFile(image: EndToEnd.controllerImage, cluster: cluster, onePerNode: onePerNode))
        let first = try cluster.waitForPods(of: pod, count: 3, components: 1)
        try expectIsolated(first, on: cluster)
        if onePerNode {
            #expect(Set(first.map(\.node)).count == 3, "one pod per node: \(first)")
        }
        for replica in first {
            _ = try cluster.waitForLog(of: replica, containing: ["app | app-up"])
        }

        // Service labels on a manager, a container label winning over one of them.
        let specPods = try cluster.waitForPods(of: spec, count: 1, components: 2)
        let specPod = try #require(specPods.first)
        #expect(specPod.node == cluster.manager)
        let specLog = try cluster.waitForLog(of: specPod, containing: ["main | main-from-service-labels", "side | side-from-container-labels"])
        #expect(!specLog.contains("side-from-service-labels"), "the container label wins:\n\(specLog)")

        // An image change replaces every pod, and none of the old is left.
        try stack.deploy(composeFile(image: next, cluster: cluster, onePerNode: onePerNode))
        let second = try cluster.waitForPods(of: pod, count: 3, components: 1, excluding: first)
        try cluster.expectNothingLeft(of: first)
        for replica in second {
            #expect(try cluster.docker(on: replica.node, ["inspect", "-f", "{{.Config.Image}}", replica.controller]) == next)
        }
        try expectIsolated(second, on: cluster)
        // The unchanged service was left alone.
        #expect(try cluster.pods(of: spec, components: 2) == specPods)

        // So does `docker service update --force`.
        try cluster.docker(on: cluster.manager, ["service", "update", "--force", "--detach", "--no-resolve-image", pod])
        let third = try cluster.waitForPods(of: pod, count: 3, components: 1, excluding: second)
        try cluster.expectNothingLeft(of: second)
        try expectIsolated(third, on: cluster)

        // Scaling to 0 leaves nothing of the service.
        try cluster.docker(on: cluster.manager, ["service", "scale", "--detach", "\(pod)=0"])
        try cluster.expectNothingLeft(of: pod)
        #expect(try cluster.pods(of: spec, components: 2) == specPods)

        // And so does `docker stack rm`.
        try stack.remove()
        try cluster.expectNothingLeft(of: spec)
        try cluster.expectNothingLeft(of: pod)
    }

    /// A `--no-pids` pod on `node`, as a stack service: its controller is
    /// SIGKILLed, its components and IPC holder run on as orphans, and the
    /// controller Swarm starts in its place on the same node reaps them at start.
    static func reapAfterKill(on cluster: SwarmCluster, node: SwarmCluster.Node) throws {
        let stack = Stack("stack-reap", on: cluster)
        defer { stack.cleanUp() }
        let hostname = try cluster.docker(on: node, ["info", "-f", "{{.Name}}"])
        let labels = ["pod.container.app": busybox("echo app-up; exec sleep 300"), "pod.container.side": busybox("exec sleep 300")]
        try stack.deploy("""
            version: "3.8"
            services:
            \(Stack.controllerService("pod", on: cluster, arguments: ["--logs", "--no-pids"], labels: labels))
                deploy:
                  restart_policy:
                    delay: 3s
                  placement:
                    constraints: [node.hostname == \(hostname)]

            """)
        let service = stack.service("pod")
        let killed = try cluster.waitForPod(of: service)
        #expect(killed.node == node)
        let orphans = try cluster.podContainers(of: [killed])
        #expect(orphans.count == 3, "two components and the IPC holder: \(orphans)")

        try cluster.docker(on: node, ["kill", "-s", "KILL", killed.controller])
        _ = try cluster.run(on: node, ["wait", killed.controller], timeout: 20)
        // Swarm waits out the restart delay; meanwhile the components run on.
        let running = try cluster.docker(on: node, [
            "ps", "-q", "--no-trunc", "--filter", "label=io.podlike.controller=\(killed.controller)",
        ]).split(separator: "\n")
        #expect(running.count == 3, "without PID sharing the pod outlives its controller: \(running)")

        let replacement = try cluster.waitForPod(of: service, excluding: [killed])
        #expect(replacement.node == node)
        try cluster.expectNothingLeft(of: [killed], within: 30)
        let log = try cluster.waitForLog(of: replacement, containing: ["removed orphan"])
        let reaped = log.split(separator: "\n").filter { $0.contains("removed orphan") }
        #expect(reaped.count == 3, "the new controller reports each orphan it removed:\n\(log)")

        try stack.remove()
        try cluster.expectNothingLeft(of: service)
    }

    /// Each pod's component joins its own controller's network namespace, and
    /// the components' names are distinct.
    static func expectIsolated(_ pods: Set<SwarmCluster.Pod>, on cluster: SwarmCluster,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        var names: Set<String> = []
        for pod in pods {
            let components = try cluster.docker(on: pod.node, [
                "ps", "-q", "--no-trunc", "--filter", "label=io.podlike.controller=\(pod.controller)", "--filter", "label=io.podlike.component",
            ]).split(separator: "\n").map(String.init)
            #expect(components.count == 1, "\(pod) has components \(components)", sourceLocation: sourceLocation)
            for component in components {
                let fields = try cluster.docker(on: pod.node, ["inspect", "-f", "{{.Name}} {{.HostConfig.NetworkMode}}", component])
                    .split(separator: " ").map(String.init)
                names.insert(fields.first ?? "")
                #expect(fields.last == "container:\(pod.controller)", "\(pod): \(fields)", sourceLocation: sourceLocation)
            }
        }
        #expect(names.count == pods.count, "component names are not distinct: \(names)", sourceLocation: sourceLocation)
    }
}
