import Foundation
import Testing

extension EndToEndSuites {
    /// The controller on a real engine, started with `docker run`, as users do.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine"))
    struct PodEndToEndTests {
        @Test("e2e: components share the network namespace: cli reaches srv on localhost")
        func network() throws {
            let pod = try ControllerRun.start("net", labels: [
                "pod.container.srv": busybox("echo pod-network-ok > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"),
                "pod.container.cli": busybox("for i in 1 2 3 4 5 6 7 8 9 10; do wget -qO- http://localhost:8080/ && exit 0; sleep 0.5; done; exit 9"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            #expect(try pod.logs().contains("cli | pod-network-ok"))
            try pod.expectNothingLeft()
        }

        static let target = busybox("trap 'echo target got SIGHUP; exit 7' HUP; echo target-ready; while true; do sleep 1 & wait $!; done")

        /// The target's PID, as another component sees it (the bracket keeps grep from finding itself).
        static let findTarget = "ps | grep \"[t]arget-ready\" | awk \"{print \\$1}\""

        @Test("e2e: components share the PID namespace: one signals the other, which handles it")
        func pidSharing() throws {
            let pod = try ControllerRun.start("pid", labels: [
                "pod.container.target": Self.target,
                "pod.container.sender": busybox("sleep 1; kill -HUP $(\(Self.findTarget)) || echo no-target-visible; sleep 30"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 7)
            #expect(try pod.logs().contains("target got SIGHUP"))
            try pod.expectNothingLeft()
        }

        @Test("e2e: processes that components orphan are reaped by the controller, PID 1 of the shared PID namespace, not left as zombies")
        func orphansReaped() throws {
            // Each subshell ends at once, leaving its sleep to PID 1 of the namespace.
            let pod = try ControllerRun.start("orphans", labels: [
                "pod.container.parent": busybox(
                    "for i in 1 2 3; do (sleep 0.2 &); done; sleep 2; z=$(grep -l '^State:.Z' /proc/[0-9]*/status 2>/dev/null | wc -l); echo zombies=$z; [ $z -eq 0 ] || exit 8"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            #expect(try pod.logs().contains("parent | zombies=0"))
            try pod.expectNothingLeft()
        }

        @Test("e2e: with --no-pids a component can't see the others' processes")
        func noPids() throws {
            let pod = try ControllerRun.start("nopid", labels: [
                "pod.container.target": Self.target,
                "pod.container.sender": busybox("sleep 1; if [ -n \"$(\(Self.findTarget))\" ]; then exit 5; else echo no-target-visible; exit 4; fi"),
            ], arguments: ["--logs", "--no-pids"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 4)
            #expect(try pod.logs().contains("no-target-visible"))
            try pod.expectNothingLeft()
        }

        static let ipcLabels = [
            "pod.container.writer": busybox("echo ipc-shared > /dev/shm/pod-file; sleep 60"),
            "pod.container.reader": busybox("for i in 1 2 3 4 5 6 7 8 9 10; do cat /dev/shm/pod-file 2>/dev/null && exit 0; sleep 0.5; done; exit 6"),
        ]

        @Test("e2e: components share the IPC namespace (/dev/shm) of a plain docker run controller")
        func ipc() throws {
            let pod = try ControllerRun.start("ipc", labels: Self.ipcLabels, arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            #expect(try pod.logs().contains("reader | ipc-shared"))
            try pod.expectNothingLeft()
        }

        @Test("e2e: components nest under the controller's cgroup")
        func cgroup() throws {
            let pod = try ControllerRun.start("cgroup", labels: [
                "pod.container.probe": busybox("cat /proc/self/cgroup"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            let controllerID = try EndToEnd.docker("inspect", "-f", "{{.Id}}", pod.name)
            let cgroupLines = try pod.logs().split(separator: "\n").filter { $0.hasPrefix("probe |") && $0.contains(":/") }
            #expect(!cgroupLines.isEmpty)
            #expect(cgroupLines.allSatisfy { $0.contains("/docker/\(controllerID)/") || $0.contains("::/") }, "\(cgroupLines)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: the controller's volume is shared, the engine socket is not")
        func volumes() throws {
            let volume = EndToEnd.uniqueName("podlike-vol")
            try EndToEnd.docker("run", "--rm", "-v", "\(volume):/data", EndToEnd.busybox, "sh", "-c", "echo volume-shared > /data/file")
            defer { _ = try? EndToEnd.run(["docker", "volume", "rm", "-f", volume]) }
            let pod = try ControllerRun.start("vol", labels: [
                "pod.container.probe": busybox("cat /data/file && if [ -e /var/run/docker.sock ]; then echo socket-visible; exit 8; fi"),
            ], arguments: ["--logs"], dockerArguments: ["-v", "\(volume):/data"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            let logs = try pod.logs()
            #expect(logs.contains("probe | volume-shared"))
            #expect(!logs.contains("socket-visible"))
            try pod.expectNothingLeft()
        }

        @Test("e2e: --no-volumes shares nothing")
        func noVolumes() throws {
            let volume = EndToEnd.uniqueName("podlike-vol")
            defer { _ = try? EndToEnd.run(["docker", "volume", "rm", "-f", volume]) }
            let pod = try ControllerRun.start("novol", labels: [
                "pod.container.probe": busybox("if [ -e /data ]; then echo data-visible; exit 8; fi; echo nothing-shared"),
            ], arguments: ["--logs", "--no-volumes"], dockerArguments: ["-v", "\(volume):/data"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            #expect(try pod.logs().contains("nothing-shared"))
            try pod.expectNothingLeft()
        }

        @Test("e2e: a component exiting 3 stops the others and the controller exits 3")
        func componentExit() throws {
            let pod = try ControllerRun.start("exit", labels: [
                "pod.container.quitter": busybox("sleep 1; exit 3"),
                "pod.container.sleeper": busybox("sleep 300"),
            ])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 3)
            try pod.expectNothingLeft()
        }

        @Test("e2e: SIGTERM to the controller stops and removes every component, and it exits 0")
        func sigterm() throws {
            let pod = try ControllerRun.start("term", labels: [
                "pod.container.one": busybox("trap 'exit 0' TERM; echo one-up; while true; do sleep 1 & wait $!; done"),
                "pod.container.two": busybox("sleep 300", extra: "stop_grace_period: 2s"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.waitForOutput("one | one-up"))
            try EndToEnd.docker("stop", "-t", "30", pod.name)
            #expect(try pod.exitCode() == 0)
            try pod.expectNothingLeft()
        }

        @Test("e2e: invalid labels exit 125 with the message, and nothing is created")
        func invalidLabels() throws {
            let pod = try ControllerRun.start("invalid", labels: [
                "pod.container.good": busybox("sleep 300"),
                "pod.container.bad": "image: \(EndToEnd.busybox)\nmem_limit: lots\n",
            ])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 125)
            let logs = try pod.logs()
            #expect(logs.contains("component \"bad\", key \"mem_limit\" (line 2:12)"), "\(logs)")
            #expect(try pod.leftovers().isEmpty)
        }

        @Test("e2e: a missing image fails with 125 and leaves nothing behind")
        func missingImage() throws {
            let pod = try ControllerRun.start("noimage", labels: [
                "pod.container.ok": busybox("sleep 300"),
                "pod.container.missing": "image: podlike-test/does-not-exist:never\npull_policy: never\n",
            ])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 125)
            #expect(try pod.logs().contains("podlike-test/does-not-exist:never"))
            try pod.expectNothingLeft()
        }

        @Test("e2e: outside a container the controller says so and exits 125")
        func outsideContainer() throws {
            // The tests run on the host, outside any container: so does this binary.
            let binary = try EndToEnd.builtBinary()
            let output = try EndToEnd.run([binary])
            #expect(output.status == 125)
            #expect(output.stderr.contains("must run inside a container"), "\(output.stderr)")
        }
    }
}
