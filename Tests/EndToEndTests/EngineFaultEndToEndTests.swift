import Foundation
import Testing

extension EndToEndSuites {
    /// Faults on the real engine: a component the OOM killer takes, a crash loop,
    /// a stop request during start-up. Each test ends by asserting that nothing
    /// of the pod is left.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine"))
    struct EngineFaultEndToEndTests {
        /// 16 MiB of memory and no swap: a 64 MB hog is over it.
        static let tinyMemory = "mem_limit: 16m\nmemswap_limit: 16m\n"

        @Test("e2e: a component the OOM killer takes, with restart: no, ends the pod with 137, and the log says it was OOM-killed")
        func oomKilled() throws {
            let pod = try ControllerRun.start("fault-oom", labels: [
                "pod.container.hog": ModernHostEndToEndTests.hog(64) + "\n" + Self.tinyMemory,
                "pod.container.idle": busybox("exec sleep 600"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode(within: 90) == 137)
            let logs = try pod.logs()
            let oom = logs.split(separator: "\n").filter { $0.contains("the kernel's OOM killer") && $0.contains("component=hog") }
            #expect(oom.contains { $0.contains("over its memory limit of \(16 << 20) bytes") }, "\(logs)")
            #expect(logs.contains(#"component "hog" exited with 137"#), "\(logs)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: with restart: on-failure, a component the OOM killer takes is restarted, and podlike status counts the restart")
        func oomRestarted() throws {
            let volume = try SharedVolume()
            defer { volume.remove() }
            // The first run leaves a mark in the shared volume and is OOM-killed; the second finds it.
            let script = "if [ -e /shared/oomed ]; then echo recovered; exec sleep 600; fi; touch /shared/oomed; "
                + "x=$(yes aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | head -c 64000000); exec sleep 600"
            let pod = try ControllerRun.start("fault-oom-restart", labels: [
                "pod.container.hog": busybox(script, extra: Self.tinyMemory + "restart: on-failure:2\n"),
            ], arguments: ["--logs"], dockerArguments: volume.mount())
            defer { pod.remove() }
            #expect(try pod.waitForOutput("hog | recovered", within: 90), "\((try? pod.logs()) ?? "")")

            let json = try EndToEnd.run(["docker", "exec", pod.name, "podlike", "status", "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stderr)")
            let components = try #require(object["components"] as? [[String: Any]])
            let hog = try #require(components.first { $0["name"] as? String == "hog" })
            #expect(hog["restarts"] as? Int == 1, "\(json.stdout)")
            #expect(hog["state"] as? String == "running", "\(json.stdout)")
            let logs = try pod.logs()
            #expect(logs.contains("the kernel's OOM killer"), "\(logs)")

            try EndToEnd.docker("stop", pod.name)
            #expect(try pod.exitCode() == 0)
            try pod.expectNothingLeft()
        }

        @Test("e2e: a crash loop with restart: on-failure:3 ends the pod after 3 restarts, with the component's code")
        func crashLoop() throws {
            let pod = try ControllerRun.start("fault-crashloop", labels: [
                "pod.container.crash": busybox("echo crashing; exit 4", extra: "restart: on-failure:3\n"),
                "pod.container.idle": busybox("exec sleep 600"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode(within: 90) == 4)
            #expect(forwardedLines(of: "crash", in: try pod.stdout()).count == 4)
            let logs = try pod.logs()
            #expect(logs.contains(#"component "crash" exited with 4 after 3 restarts"#), "\(logs)")
            let starts = try pod.events().filter { $0 == .init(action: "start", component: "crash") }
            #expect(starts.count == 4)
            try pod.expectNothingLeft()
        }

        @Test("e2e: SIGTERM during start-up, while an init component runs, creates nothing more, removes what was created, and exits 0 within the grace period")
        func stopDuringStartup() throws {
            let pod = try ControllerRun.start("fault-startup", labels: [
                "pod.init.components": "- " + busybox("echo init up; exec sleep 600").replacingOccurrences(of: "\n", with: "\n  "),
                "pod.container.app": busybox("echo app ran; exec sleep 600"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.waitForOutput("init-1 | init up"), "\((try? pod.logs()) ?? "")")
            let started = Date()
            try EndToEnd.docker("stop", "--time", "20", pod.name)
            let took = Date().timeIntervalSince(started)
            #expect(try pod.exitCode() == 0)
            // docker stop SIGKILLs at 20 s; a controller that returned 0 did so before that.
            #expect(took < 20, "the controller took \(took) s to stop")
            let events = try pod.events()
            #expect(!events.contains { $0.component == "app" }, "\(events)")
            #expect(!(try pod.stdout()).contains("app ran"))
            try pod.expectNothingLeft()
        }
    
        @Test("e2e: the engine restarts (SIGTERM) or crashes (SIGKILL) while a pod runs: the controller ends, none of the pod survives the engine's return, and podlike reap finds no orphan",
              .enabled(if: HostEngine.restartable, "needs root, python3 and the engine at /var/run/docker.sock, started with a pid file, as .ci/run starts it"),
              arguments: [(SIGTERM, false), (SIGKILL, true)])
        func engineRestart(signal: Int32, noPids: Bool) throws {
            let pod = try ControllerRun.start("fault-engine", labels: [
                "pod.container.a": busybox("echo a up; exec sleep 600"),
                "pod.container.b": busybox("echo b up; exec sleep 600"),
            ], arguments: ["--logs"] + (noPids ? ["--no-pids"] : []))
            defer { pod.remove() }
            #expect(try pod.waitForOutput("a | a up"))
            #expect(try pod.waitForOutput("b | b up"))
            #expect(try pod.leftovers().count >= 2, "the components, and the IPC holder where one is needed")

            try HostEngine.restart(signal: signal)

            let state = try EndToEnd.poll(within: 60, { try EndToEnd.docker("inspect", "-f", "{{.State.Status}}", pod.name) }, until: { $0 == "exited" })
            #expect(state == "exited", "the controller is \(state) after the engine came back")
            // It ends non-zero: killed with the engine's shutdown, or failing for the lost engine.
            #expect(try EndToEnd.docker("inspect", "-f", "{{.State.ExitCode}}", pod.name) != "0", "\((try? pod.logs()) ?? "")")
            try pod.expectNothingLeft(within: 60)
            let reap = try EndToEnd.run([try EndToEnd.builtBinary(), "reap", "--dry-run"])
            #expect(reap.status == 0, "\(reap.stderr)")
            #expect(!reap.stdout.contains(pod.name), "\(reap.stdout)")
        }
    
        @Test("e2e: two pods on one node with the same component names stay isolated, and stopping one leaves the other running")
        func twoPods() throws {
            let labels = [
                "pod.container.web": busybox("echo web up; exec sleep 600"),
                "pod.container.side": busybox("echo side up; exec sleep 600"),
            ]
            let first = try ControllerRun.start("fault-twin", labels: labels, arguments: ["--logs"])
            defer { first.remove() }
            let second = try ControllerRun.start("fault-twin", labels: labels, arguments: ["--logs"])
            defer { second.remove() }
            for pod in [first, second] {
                #expect(try pod.waitForOutput("| web up"))
                #expect(try pod.waitForOutput("side | side up"))
            }
            // Each pod's side sees its own pod's processes only: two sleeps, web's and its own.
            let firstIDs = Set(try first.leftovers()), secondIDs = Set(try second.leftovers())
            #expect(firstIDs.count >= 2 && secondIDs.count >= 2)
            #expect(firstIDs.isDisjoint(with: secondIDs))
            for pod in [first, second] {
                let side = "\(pod.name).podlike.side"
                let sleeps = try EndToEnd.docker("exec", side, "sh", "-c", "ps -o comm | grep -c '^sleep'")
                #expect(sleeps == "2", "the side of \(pod.name) sees \(sleeps) sleep processes")
                let ownWeb = try EndToEnd.docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", side)
                #expect(ownWeb.hasSuffix(try EndToEnd.docker("inspect", "-f", "{{.Id}}", pod.name)), "\(ownWeb)")
            }

            try EndToEnd.docker("stop", first.name)
            #expect(try first.exitCode() == 0)
            try first.expectNothingLeft()
            #expect(try EndToEnd.docker("inspect", "-f", "{{.State.Running}}", second.name) == "true")
            #expect(Set(try second.leftovers()) == secondIDs, "stopping the first pod touched the second")
            for component in ["web", "side"] {
                let running = try EndToEnd.docker("inspect", "-f", "{{.State.Running}}", "\(second.name).podlike.\(component)")
                #expect(running == "true")
            }
            try EndToEnd.docker("stop", second.name)
            #expect(try second.exitCode() == 0)
            try second.expectNothingLeft()
        }
    
        // MARK: An engine that misbehaves, through a fault-injecting proxy

        static let twoComponents = [
            "pod.container.a": busybox("echo a up; exec sleep 600"),
            "pod.container.b": busybox("echo b up; exec sleep 600"),
        ]

        @Test("e2e: an engine that answers a create with 500 fails the pod with 125, naming the component and the engine's message; nothing is left",
              .enabled(if: FaultProxy.available, "needs python3"))
        func engineFails() throws {
            let proxy = try FaultProxy(["fail=POST:/containers/create\\?name=[^&]*podlike\\.b"])
            defer { proxy.stop() }
            let pod = try ControllerRun.start("fault-500", labels: Self.twoComponents, engineSocket: proxy.socketPath)
            defer { pod.remove() }
            #expect(try pod.exitCode() == 125)
            let logs = try pod.logs()
            #expect(logs.contains(#"component "b""#) && logs.contains("injected fault: the proxy answered 500"), "\(logs)")
            #expect(proxy.log.contains("-> 500 from the proxy"), "\(proxy.log)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: a create whose answer the connection drops fails the pod with 125; the container the engine made is found and removed, and no component is created twice",
              .enabled(if: FaultProxy.available, "needs python3"))
        func engineDropsAnswer() throws {
            let proxy = try FaultProxy(["drop=POST:/containers/create\\?name=[^&]*podlike\\.b"])
            defer { proxy.stop() }
            let pod = try ControllerRun.start("fault-drop", labels: Self.twoComponents, engineSocket: proxy.socketPath)
            defer { pod.remove() }
            #expect(try pod.exitCode() == 125)
            let creates = proxy.log.split(separator: "\n").filter { $0.hasPrefix("POST ") && $0.contains("/containers/create") }
            #expect(creates.filter { $0.contains("podlike.b") }.count == 1, "\(proxy.log)")
            #expect(proxy.log.contains("answer dropped"), "\(proxy.log)")
            let logs = try pod.logs()
            #expect(logs.contains(#"component "b""#), "\(logs)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: an engine that answers slowly still runs the pod, and SIGTERM still stops and removes it with exit 0",
              .enabled(if: FaultProxy.available, "needs python3"))
        func engineSlow() throws {
            let proxy = try FaultProxy(["delay=0.3"])
            defer { proxy.stop() }
            let pod = try ControllerRun.start("fault-slow", labels: Self.twoComponents, arguments: ["--logs"], engineSocket: proxy.socketPath)
            defer { pod.remove() }
            #expect(try pod.waitForOutput("a | a up", within: 90))
            #expect(try pod.waitForOutput("b | b up", within: 90))
            try EndToEnd.docker("stop", "--time", "30", pod.name)
            #expect(try pod.exitCode() == 0)
            try pod.expectNothingLeft()
        }
    }
}
