import Foundation
import Testing

/// The security notes of the README, on a Swarm: the engine socket reaches only
/// a component that asks for it; label values that reach the engine are checked;
/// files named by labels are read inside the controller, never on the host.
enum SecurityScenarios {
    /// A pod on `node` whose controller has the engine socket and a volume. The
    /// volume is shared; the socket only reaches `admin`, which lists it in its
    /// own `volumes`. `hostSocket` is that node's engine socket on the host.
    static func socketOnlyWhereAsked(on cluster: SwarmCluster, node: SwarmCluster.Node, hostSocket: String) throws {
        let stack = Stack("stack-sock", on: cluster)
        defer { stack.cleanUp() }
        let hostname = try cluster.docker(on: node, ["info", "-f", "{{.Name}}"])
        let probe = busybox(
            "echo shared-through-the-volume > /data/note; "
                + "if [ -e /var/run/docker.sock ]; then echo probe-sees-the-socket; else echo probe-has-no-socket; fi; exec sleep 300")
        let admin = busybox(
            "until [ -s /data/note ]; do sleep 0.2; done; echo admin-read $(cat /data/note); "
                + "if [ -S /var/run/docker.sock ]; then echo admin-has-the-socket; fi; exec sleep 300",
            extra: "volumes: [\"\(hostSocket):/var/run/docker.sock\"]\n")
        try stack.deploy("""
            version: "3.8"
            services:
            \(Stack.controllerService("pod", on: cluster, volumes: ["data:/data"],
                                     labels: ["pod.container.probe": probe, "pod.container.admin": admin]))
                deploy:
                  placement:
                    constraints: [node.hostname == \(hostname)]
            volumes:
              data: {}

            """)
        let service = stack.service("pod")
        let pod = try cluster.waitForPod(of: service)
        let log = try cluster.waitForLog(of: pod, containing: [
            "probe | probe-has-no-socket", "admin | admin-read shared-through-the-volume", "admin | admin-has-the-socket",
        ])
        #expect(!log.contains("probe-sees-the-socket"), "\(log)")
        let probeMounts = try cluster.docker(on: pod.node, [
            "ps", "-q", "--filter", "label=io.podlike.controller=\(pod.controller)", "--filter", "label=io.podlike.component=probe",
        ])
        let mounts = try cluster.docker(on: pod.node, ["inspect", "-f", "{{range .Mounts}}{{.Destination}} {{end}}", probeMounts])
        #expect(mounts.contains("/data") && !mounts.contains("docker.sock"), "probe's mounts: \(mounts)")

        try stack.remove()
        try cluster.expectNothingLeft(of: service)
    }

    /// A label value the engine would otherwise receive, and the message that rejects it.
    struct BadInput: Sendable {
        var what: String
        var labels: [String: String]
        var message: String
    }

    /// Services whose labels are wrong, or name files that exist only on the host:
    /// each controller exits 125 with a message saying what to write instead, and
    /// creates nothing. `hostOnly` is a file on the host that no controller has.
    static func badInputs(hostOnly: String) -> [BadInput] {
        let app = busybox("echo app ran; exec sleep 300")
        return [
            BadInput(what: "a component name outside [a-zA-Z0-9][a-zA-Z0-9_.-]*",
                     labels: ["pod.container.app": app, "pod.container._sneaky": app],
                     message: #"component name "_sneaky" must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"#),
            BadInput(what: "a relative pod.copy destination",
                     labels: ["pod.container.app": app, "pod.copy.app": "/etc/hostname:etc/app.conf"],
                     message: #"the destination "etc/app.conf" must be an absolute path"#),
            BadInput(what: "a pod.copy source that only the host has",
                     labels: ["pod.container.app": app, "pod.copy.app": "\(hostOnly):/etc/app.conf"],
                     message: #"pod.copy: "\#(hostOnly)" does not exist in the controller"#),
            BadInput(what: "a pod.compose.file that only the host has",
                     labels: ["pod.container.app": app, "pod.compose.file": hostOnly],
                     message: #"can't read the Compose file "\#(hostOnly)" inside the controller"#),
        ]
    }

    /// Deploys one service per bad input, with no restarts, and checks that each
    /// controller exits 125 with its message and creates no container.
    static func rejectsBadInput(on cluster: SwarmCluster) throws {
        let hostOnly = FileManager.default.temporaryDirectory.appendingPathComponent("\(EndToEnd.uniqueName("host-only")).yml").path
        try "services:\n  app:\n    image: \(EndToEnd.busybox)\n".write(toFile: hostOnly, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: hostOnly) }
        let inputs = badInputs(hostOnly: hostOnly)
        let stack = Stack("stack-bad", on: cluster)
        defer { stack.cleanUp() }
        var compose = "version: \"3.8\"\nservices:\n"
        for (index, input) in inputs.enumerated() {
            compose += Stack.controllerService("bad\(index)", on: cluster, labels: input.labels)
            compose += "\n    deploy:\n      restart_policy:\n        condition: none\n"
        }
        try stack.deploy(compose)

        for (index, input) in inputs.enumerated() {
            let service = stack.service("bad\(index)")
            let ended = try waitForExitedController(of: service, on: cluster)
            #expect(ended.exitCode == 125, "\(input.what): the controller exited \(ended.exitCode)")
            #expect(ended.log.contains(input.message), "\(input.what): the log lacks \(input.message):\n\(ended.log)")
            #expect(!ended.log.contains("app ran"), "\(input.what)")
            let created = try cluster.podContainers(of: service)
            #expect(created.isEmpty, "\(input.what): the controller created \(created)")
        }
        try stack.remove()
    }

    struct EndedController { var exitCode: Int; var log: String }

    /// The service's one controller, once it has exited: its exit code and log.
    static func waitForExitedController(of service: String, on cluster: SwarmCluster, within seconds: Double = 60,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws -> EndedController {
        let exited = try EndToEnd.poll(within: seconds, {
            try cluster.nodes.compactMap { node in
                try cluster.docker(on: node, [
                    "ps", "-aq", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=\(service)", "--filter", "status=exited",
                ]).split(separator: "\n").first.map { (node: node, id: String($0)) }
            }.first
        }, until: { $0 != nil })
        if let (node, id) = exited {
            let code = Int(try cluster.docker(on: node, ["inspect", "-f", "{{.State.ExitCode}}", id])) ?? -1
            let output = try cluster.run(on: node, ["logs", id], timeout: 20)
            return EndedController(exitCode: code, log: output.stdout + output.stderr)
        }
        let tasks = (try? cluster.run(on: cluster.manager, ["service", "ps", "--no-trunc", service]).stdout) ?? ""
        Issue.record("no controller of \(service) exited within \(seconds)s:\n\(tasks)", sourceLocation: sourceLocation)
        throw SwarmCluster.Failure(what: "the controller of \(service) to exit")
    }
}
