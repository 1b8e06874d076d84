import Foundation
import Testing

extension Tag {
    /// Runs on every engine, and in CI also against the cgroup v2 engine of
    /// `scripts/vm-engine.sh` (Docker 26, the systemd driver), where each container
    /// start takes seconds: `swift test --filter ModernHost`.
    @Tag static var modernHost: Self
}

extension EndToEndSuites {
    /// What a pod promises, checked on the engine at DOCKER_HOST, whatever its cgroup
    /// version and driver: few pods, each checking several things, since every
    /// container start is slow on an emulated VM.
    @Suite(.serialized, .tags(.modernHost), .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine"))
    struct ModernHostEndToEndTests {
        /// Generous: a container start takes 6 to 14 s on the VM engine.
        static let patience = 300

        /// `2 systemd` or `1 cgroupfs`, as the engine reports it.
        static let cgroup: (version: String, driver: String) = {
            let info = (try? EndToEnd.run(["docker", "info", "--format", "{{.CgroupVersion}} {{.CgroupDriver}}"]).stdout) ?? ""
            let fields = info.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            return (fields.first ?? "?", fields.dropFirst().first ?? "?")
        }()

        /// Components nest under the controller's cgroup only on cgroup v1 with cgroupfs.
        static var nests: Bool { cgroup.version == "1" && cgroup.driver == "cgroupfs" }

        @Test("e2e: a plain controller's components share network, PID and IPC (through a holder where needed), and the pod ends with a component's exit code")
        func namespacesAndExitCode() throws {
            let pod = try ControllerRun.start("modern-ns", labels: [
                "pod.container.srv": busybox("echo shm-shared > /dev/shm/pod-file; echo net-shared > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"),
                "pod.container.cli": busybox(
                    "for i in $(seq 1 120); do wget -qO- http://localhost:8080/ 2>/dev/null && break; sleep 1; done; "
                        + "cat /dev/shm/pod-file; ps | grep -q \"[h]ttpd -f -p 8080\" && echo pid-shared; "
                        + "sed \"s/^/own-cgroup: /\" /proc/self/cgroup; sed \"s/^/controller-cgroup: /\" /proc/1/cgroup; exit 42"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode(within: Self.patience) == 42)
            let logs = try pod.logs()
            for shared in ["| net-shared", "| shm-shared", "| pid-shared"] {
                #expect(logs.contains(shared), "\(logs)")
            }
            // Docker 20.10 and later start containers with a private IPC namespace; then components join a holder's.
            let ipcMode = try EndToEnd.docker("inspect", "-f", "{{.HostConfig.IpcMode}}", pod.name)
            if !["shareable", "host"].contains(ipcMode) {
                #expect(logs.contains("components join a holder container's instead"), "\(logs)")
            }
            print("cgroup v\(Self.cgroup.version), \(Self.cgroup.driver) driver, the controller's IPC mode \(ipcMode):")
            for line in logs.split(separator: "\n") where line.contains("cgroup: ") { print("  \(line)") }
            try pod.expectNothingLeft(within: Self.patience)
        }

        @Test("e2e: --logs prefixes each component's output, and SIGTERM stops and removes everything with exit 0")
        func logsAndSigterm() throws {
            let pod = try ControllerRun.start("modern-stop", labels: [
                "pod.container.alpha": busybox("echo alpha says hello; echo alpha to stderr >&2; exec sleep 600"),
                "pod.container.beta": busybox("trap 'echo beta got SIGTERM; exit 0' TERM; echo beta says hello; while true; do sleep 1 & wait $!; done"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.waitForOutput("| beta says hello", within: Self.patience))
            #expect(try pod.waitForOutput("| alpha to stderr", within: Self.patience))
            try EndToEnd.docker("stop", "--time", "120", pod.name)
            #expect(try pod.exitCode(within: Self.patience) == 0)
            let logs = try pod.logs()
            #expect(logs.contains("| alpha says hello"), "\(logs)")
            #expect(logs.contains("| beta got SIGTERM"), "\(logs)")
            try pod.expectNothingLeft(within: Self.patience)
        }

        /// Holds `megabytes` of anonymous memory in a shell variable until the container stops.
        static func hog(_ megabytes: Int) -> String {
            busybox(
                "echo limit $(cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes); "
                    + "x=$(yes aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | head -c \(megabytes * 1_000_000)); "
                    + "echo holding ${#x} bytes; exec sleep 600")
        }

        @Test("e2e: components that together want more memory than the controller's limit are held to it: the OOM killer acts and the pod ends with 137")
        func podMemoryLimit() throws {
            let pod = try ControllerRun.start("modern-oom", labels: [
                "pod.container.hog1": Self.hog(64),
                "pod.container.hog2": Self.hog(64),
            ], arguments: ["--logs"], dockerArguments: ["--memory", "96m", "--memory-swap", "96m"])
            defer { pod.remove() }
            #expect(try pod.exitCode(within: Self.patience) == 137)
            let logs = try pod.logs()
            let holding = logs.split(separator: "\n").filter { $0.contains("| holding ") }
            #expect(holding.count < 2, "both components held 64 MB under a 96 MB pod: \(logs)")
            if Self.nests {
                #expect(logs.contains("components nest under the controller's cgroup"), "\(logs)")
            } else {
                #expect(logs.contains("its memory and CPU limits are divided among them"), "\(logs)")
                // The engine's own OOM notice, or, when it came after the exit and was
                // dropped with the auto-removed container, podlike's reading of the SIGKILL.
                let oom = logs.split(separator: "\n").filter { $0.contains("the kernel's OOM killer") }
                #expect(oom.contains { $0.contains("over its memory limit of \(48 << 20) bytes") }, "\(logs)")
                // 96 MiB split in two; each component sees its own share as its limit (the
                // second may be stopped before it says so, when the first is killed quickly).
                let limits = logs.split(separator: "\n").filter { $0.contains("| limit ") }
                #expect(!limits.isEmpty && limits.allSatisfy { $0.hasSuffix("| limit \(48 << 20)") }, "\(logs)")
            }
            try pod.expectNothingLeft(within: Self.patience)
        }

        @Test("e2e: explicit limits that add up to more than the pod are refused with 125 on hosts that divide them, and nothing is created",
              .enabled(if: !nests, "on cgroup v1 with cgroupfs the kernel holds the pod, and explicit limits are only capped"))
        func overcommitRefused() throws {
            let pod = try ControllerRun.start("modern-over", labels: [
                "pod.container.a": busybox("exec sleep 600", extra: "mem_limit: 64m\n"),
                "pod.container.b": busybox("exec sleep 600", extra: "mem_limit: 64m\n"),
            ], dockerArguments: ["--memory", "96m"])
            defer { pod.remove() }
            #expect(try pod.exitCode(within: Self.patience) == 125)
            let logs = try pod.logs()
            #expect(logs.contains("the components' own memory limits add up to 128 MiB, more than the pod's 96 MiB"), "\(logs)")
            #expect(try pod.leftovers().isEmpty)
        }

        @Test("e2e: a Swarm service's pod becomes healthy with its component, warns of reservations above the service's, and service rm leaves nothing")
        func swarmServiceHealth() throws {
            let service = try SwarmEndToEndTests.createService("modern-swarm", labels: [
                "pod.container.app": busybox(
                    "touch /tmp/ready; echo app-ready; exec sleep 600",
                    extra: "mem_reservation: 64m\nhealthcheck:\n  test: [CMD, test, -f, /tmp/ready]\n  interval: 2s\n  retries: 3\n"),
            ], serviceOptions: ["--limit-memory", "128m", "--reserve-memory", "16m"])
            defer { SwarmEndToEndTests.removeService(service) }
            let task = try SwarmEndToEndTests.taskContainer(of: service, within: Double(Self.patience))
            defer { task.remove() }
            #expect(try task.waitForOutput("| app-ready", within: Self.patience))
            let health = try EndToEnd.poll(within: Double(Self.patience), every: 2, {
                try HealthEndToEndTests.health(of: task.name)
            }, until: { $0 == "healthy" })
            #expect(health == "healthy", "\((try? task.logs()) ?? "")")
            // Swarm keeps reservations off the task container; the controller reads them from the service.
            #expect(try task.logs().contains("the components reserve 64 MiB of memory, but the service reserves only 16 MiB"))
            let status = try EndToEnd.run(["docker", "exec", task.name, "podlike", "status"])
            #expect(status.stdout.contains("app"), "\(status.stdout)\(status.stderr)")

            SwarmEndToEndTests.removeService(service)
            try task.expectNothingLeft(within: Self.patience)
            let tasks = try EndToEnd.poll(within: Double(Self.patience), {
                try EndToEnd.containers(label: "com.docker.swarm.service.name=\(service)")
            }, until: \.isEmpty)
            #expect(tasks.isEmpty, "the service's task is still there: \(tasks)")
        }
    }
}
