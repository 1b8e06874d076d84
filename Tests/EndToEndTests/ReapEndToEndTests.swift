import Foundation
import Testing

extension EndToEndSuites {
    /// No component outlives its pod: a killed controller's components die with it
    /// (PID sharing) or are reaped (`--no-pids`). Swarm's scaling and updates are
    /// in `StackScenarios`.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine in Swarm mode"))
    struct ReapEndToEndTests {
        static let longRunning = [
            "pod.container.app": busybox("echo app-up; exec sleep 300"),
            "pod.container.side": busybox("exec sleep 300"),
        ]

        @Test("e2e: with PID sharing, a SIGKILLed controller's components and IPC holder die with it")
        func killWithSharedPids() throws {
            let pod = try ControllerRun.start("reap-pids", labels: Self.longRunning, arguments: ["--logs"])
            defer { pod.remove() }
            try Self.waitForRunningComponents(of: pod, count: 2)

            try EndToEnd.docker("kill", "-s", "KILL", pod.name)
            try pod.expectNothingLeft(within: 30)
        }

        @Test("e2e: with --no-pids, a SIGKILLed controller's components survive, and podlike reap removes and prints them")
        func reapOnDemand() throws {
            let binary = try EndToEnd.builtBinary()
            let pod = try ControllerRun.start("reap-nopids", labels: Self.longRunning, arguments: ["--logs", "--no-pids"])
            defer { pod.remove() }
            try Self.waitForRunningComponents(of: pod, count: 2)
            let names = try Self.containerNames(of: pod)
            #expect(names.contains("\(pod.name).podlike.app") && names.contains("\(pod.name).podlike.side"), "\(names)")

            try Self.killAndExpectOrphans(pod)

            let output = try EndToEnd.run([binary, "reap"])
            #expect(output.status == 0, "podlike reap failed: \(output.stderr)")
            for name in names {
                #expect(output.stdout.contains("removed \(name) ("), "\(name) not reported in:\n\(output.stdout)")
            }
            let summary = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(summary.hasPrefix("removed ") && summary.contains(" of "), "the last line sums up: \(output.stdout)")
            try pod.expectNothingLeft(within: 10)

            // Nothing of this pod is left to find a second time.
            let again = try EndToEnd.run([binary, "reap", "--dry-run"])
            #expect(again.status == 0)
            #expect(!again.stdout.contains(pod.name), "\(again.stdout)")
        }

        @Test("e2e: a controller starting on the engine reaps the orphans of a killed --no-pids pod")
        func reapAtControllerStart() throws {
            let dead = try ControllerRun.start("reap-orphaned", labels: Self.longRunning, arguments: ["--no-pids"])
            defer { dead.remove() }
            try Self.waitForRunningComponents(of: dead, count: 2)
            let names = try Self.containerNames(of: dead)
            try Self.killAndExpectOrphans(dead)

            let next = try ControllerRun.start("reap-next", labels: ["pod.container.once": busybox("echo once")])
            defer { next.remove() }
            #expect(try next.exitCode() == 0)
            try dead.expectNothingLeft(within: 30)
            let logs = try next.logs()
            for name in names {
                #expect(logs.contains("removed orphan \(name) ("), "\(name) not in the new controller's log:\n\(logs)")
            }
            try next.expectNothingLeft()
        }

        /// `pids` is PID sharing on (the kernel ends the components, the engine is
        /// still removing them) or off (they run on). Either way they hold the names
        /// the controller needs again when it is started in place with its old ID.
        @Test("e2e: a controller killed and restarted in place by its restart policy removes its earlier run's containers and runs its pod again",
              arguments: [["--logs"], ["--logs", "--no-pids"]])
        func restartInPlace(arguments: [String]) throws {
            let pod = try ControllerRun.start("reap-restart", labels: Self.longRunning, arguments: arguments,
                                              dockerArguments: ["--restart", "on-failure:1"])
            defer { pod.remove() }
            try Self.waitForRunningComponents(of: pod, count: 2)
            let earlier = Set(try pod.leftovers())
            #expect(earlier.count == 3, "two components and the IPC holder: \(earlier)")

            // Killed from outside, as the OOM killer would: the restart policy applies.
            let pid = try EndToEnd.docker("inspect", "-f", "{{.State.Pid}}", pod.name)
            try EndToEnd.run(["kill", "-KILL", pid])
            let state = try EndToEnd.poll(within: 60, {
                try EndToEnd.docker("inspect", "-f", "{{.RestartCount}} {{.State.Status}}", pod.name)
            }, until: { $0 == "1 running" })
            #expect(state == "1 running", "the engine restarted the controller")

            // The new pod: three containers, none of them the earlier run's.
            let now = try EndToEnd.poll(within: 60, {
                Set(try EndToEnd.run(["docker", "ps", "-q", "--filter", "label=io.podlike.pod=\(pod.name)"])
                    .stdout.split(separator: "\n").map(String.init))
            }, until: { $0.count == 3 && $0.isDisjoint(with: earlier) })
            #expect(now.count == 3 && now.isDisjoint(with: earlier), "a new pod: \(now), the earlier one: \(earlier)")
            #expect(try pod.leftovers().allSatisfy { !earlier.contains($0) }, "nothing of the earlier run is left")
            let logs = try pod.logs()
            #expect(!logs.contains("is already in use"), "\(logs)")
            if arguments.contains("--no-pids") {
                let removed = logs.split(separator: "\n").filter { $0.contains("removed orphan") && $0.contains("this is its earlier run") }
                #expect(removed.count == 3, "the restarted controller removes its earlier run's containers:\n\(logs)")
            }

            try EndToEnd.docker("stop", "-t", "20", pod.name)
            try pod.expectNothingLeft(within: 30)
        }

        // MARK: - Support

        /// Waits until `count` components of `pod` run (the IPC holder is not one).
        static func waitForRunningComponents(of pod: ControllerRun, count: Int, within seconds: Double = 60) throws {
            let running = try EndToEnd.poll(within: seconds, {
                try EndToEnd.run([
                    "docker", "ps", "-q", "--filter", "label=io.podlike.pod=\(pod.name)", "--filter", "label=io.podlike.component",
                ]).stdout.split(separator: "\n").count
            }, until: { $0 >= count })
            if running >= count { return }
            Issue.record("pod \(pod.name) did not run \(count) components within \(seconds)s: \(try pod.logs())")
            throw Timeout(what: "components of \(pod.name)")
        }

        /// Names of the pod's containers: components and holder.
        static func containerNames(of pod: ControllerRun) throws -> [String] {
            try EndToEnd.run(["docker", "ps", "-a", "--format", "{{.Names}}", "--filter", "label=io.podlike.pod=\(pod.name)"])
                .stdout.split(separator: "\n").map(String.init).sorted()
        }

        /// SIGKILLs a `--no-pids` controller; its containers outlive it.
        static func killAndExpectOrphans(_ pod: ControllerRun) throws {
            let before = try pod.leftovers()
            try EndToEnd.docker("kill", "-s", "KILL", pod.name)
            _ = try EndToEnd.run(["timeout", "20", "docker", "wait", pod.name])
            Thread.sleep(forTimeInterval: 2)
            #expect(Set(try pod.leftovers()) == Set(before), "without PID sharing the components survive the controller")
        }

        struct Timeout: Error { var what: String }
    }
}
