import Foundation
import Testing

extension EndToEndSuites {
    /// Behaviours that stacks written for the original podlike rely on.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine"))
    struct OriginalBehaviourEndToEndTests {
        @Test("e2e: tmpfs as a mapping, mem_swappiness: -1 and userns_mode: '' are honoured; components get the controller's oom_score_adj + 1 unless they set their own")
        func keptForms() throws {
            let pod = try ControllerRun.start("original", labels: [
                "pod.container.app": busybox(
                    "grep \" /scratch \" /proc/mounts; echo oom $(cat /proc/self/oom_score_adj); exec sleep 300",
                    extra: "tmpfs:\n  /scratch: size=1m\nmem_swappiness: -1\nuserns_mode: ''\n"),
                "pod.container.own": busybox("echo oom $(cat /proc/self/oom_score_adj); exec sleep 300", extra: "oom_score_adj: 5\n"),
            ], arguments: ["--logs"], dockerArguments: ["--oom-score-adj", "100"])
            defer { pod.remove() }
            #expect(try pod.waitForOutput("own | oom 5"))
            #expect(try pod.waitForOutput("app | oom 101"))
            let logs = try pod.logs()
            #expect(logs.contains("tmpfs /scratch tmpfs") && logs.contains("size=1024k"), "\(logs)")
            try EndToEnd.docker("stop", pod.name)
            #expect(try pod.exitCode() == 0)
            try pod.expectNothingLeft()
        }

        @Test("e2e: the controller's own stop timeout (docker run --stop-timeout) is the pod's grace budget: a 25 s stop_grace_period is not clamped to 10 s")
        func graceBudget() throws {
            let pod = try ControllerRun.start("grace", labels: [
                "pod.container.slow": busybox(
                    "trap 'echo slow got SIGTERM; sleep 12; echo slow stopped cleanly; exit 0' TERM; echo slow-ready; while true; do sleep 1 & wait $!; done",
                    extra: "stop_grace_period: 25s\n"),
            ], arguments: ["--logs"], dockerArguments: ["--stop-timeout", "40"])
            defer { pod.remove() }
            #expect(try pod.waitForOutput("slow-ready"))
            try EndToEnd.docker("stop", pod.name)  // the CLI waits for the container's own stop timeout
            #expect(try pod.exitCode() == 0)
            let logs = try pod.logs()
            #expect(logs.contains("slow stopped cleanly"), "\(logs)")
            #expect(!logs.contains("clamped"), "\(logs)")
            try pod.expectNothingLeft()
        }
    
        @Test("e2e: named volumes resolve to the pod's own: a volume-ref label, the stack's prefix (mounted or only on the node), a Compose volume label; others as they are")
        func volumeReferences() throws {
            let suffix = EndToEnd.uniqueName("v")
            let namespace = "ns" + suffix.replacingOccurrences(of: "-", with: "")
            let refVolume = "ref-\(suffix)", composeVolume = "cmp-\(suffix)", stackVolume = "\(namespace)_data", plain = "plain-\(suffix)"
            let volumes = [refVolume, composeVolume, stackVolume, "\(namespace)_uploads"]
            defer { _ = try? EndToEnd.run(["docker", "volume", "rm", "-f"] + volumes + [plain]) }
            try EndToEnd.docker("volume", "create", "--label", "com.github.rycus86.podlike.volume-ref=refd", refVolume)
            try EndToEnd.docker("volume", "create", "--label", "com.docker.compose.volume=composed", composeVolume)
            for name in [stackVolume, "\(namespace)_uploads"] {
                try EndToEnd.docker("volume", "create", "--label", "com.docker.stack.namespace=\(namespace)", name)
            }
            let pod = try ControllerRun.start("volref", labels: [
                "com.docker.stack.namespace": namespace,
                "pod.container.writer": busybox(
                    "for d in /r /c /s /u /p; do echo from-pod > $d/file; done; echo written",
                    extra: "volumes: ['refd:/r', 'composed:/c', 'data:/s', 'uploads:/u', '\(plain):/p']\n"),
            ], arguments: ["--logs", "--no-volumes"], dockerArguments: [
                "-v", "\(refVolume):/ref", "-v", "\(composeVolume):/cmp", "-v", "\(stackVolume):/data",
            ])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            #expect(try pod.logs().contains("written"))
            for volume in volumes + [plain] {
                let read = try EndToEnd.run(["docker", "run", "--rm", "-v", "\(volume):/v", EndToEnd.busybox, "cat", "/v/file"])
                #expect(read.stdout.contains("from-pod"), "\(volume): \(read.stdout)\(read.stderr)")
            }
            for name in ["refd", "composed", "data", "uploads"] {
                let made = try EndToEnd.run(["docker", "volume", "inspect", name])
                #expect(made.status != 0, "a node-wide volume \(name) was made instead of the pod's own")
                _ = try? EndToEnd.run(["docker", "volume", "rm", "-f", name])
            }
            try pod.expectNothingLeft()
        }
    }
}
