import Foundation
import Testing

extension EndToEndSuites {
    /// The pod's lifecycle on a real engine (DESIGN.md, Lifecycle): init components,
    /// `depends_on`, images, restarts and stopping. The engine's own event record and
    /// marker files in a shared volume prove the order in which things happened.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine"))
    struct LifecycleEndToEndTests {
        // MARK: Init components

        /// Each init component logs when it begins and ends, with a pause between, and
        /// init-2 also writes to stderr.
        static let initComponents = """
            - image: \(EndToEnd.busybox)
              command: [sh, -c, 'echo init-1 begins >> /shared/order; echo first init; sleep 1; echo init-1 ends >> /shared/order']
            - image: \(EndToEnd.busybox)
              command: [sh, -c, 'echo init-2 begins >> /shared/order; echo second init; echo second init on stderr >&2; sleep 1; echo init-2 ends >> /shared/order']
            """

        @Test("e2e: init components run one after another, each to completion, before any other component is created")
        func initOrder() throws {
            let volume = try SharedVolume()
            defer { volume.remove() }
            let pod = try ControllerRun.start("init", labels: [
                "pod.init.components": Self.initComponents,
                "pod.container.app": busybox("echo app starts >> /shared/order; echo app ran; sleep 1"),
                "pod.container.side": busybox("echo side starts >> /shared/order; sleep 30"),
            ], arguments: ["--logs"], dockerArguments: volume.mount())
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)

            let order = try volume.lines(of: "order")
            #expect(Array(order.prefix(4)) == ["init-1 begins", "init-1 ends", "init-2 begins", "init-2 ends"], "\(order)")
            #expect(Set(order.dropFirst(4)) == ["app starts", "side starts"], "\(order)")

            // The engine's record: each init container dies before the next is
            // created, and the last one dies before any other component is created.
            let events = try pod.events()
            let init1Died = try #require(pod.index(of: "die", "init-1", in: events), "\(events)")
            let init2Created = try #require(pod.index(of: "create", "init-2", in: events), "\(events)")
            let init2Died = try #require(pod.index(of: "die", "init-2", in: events), "\(events)")
            #expect(init1Died < init2Created, "\(events)")
            let firstRegular = try #require(events.firstIndex { ["app", "side"].contains($0.component) }, "\(events)")
            #expect(init2Died < firstRegular, "\(events)")
            #expect(events[firstRegular].action == "create", "\(events)")

            // --logs forwards init output, in order, to the right stream.
            let stdout = try pod.stdout()
            #expect(forwardedLines(of: "init-1", in: stdout) == ["first init"], "\(stdout)")
            #expect(forwardedLines(of: "init-2", in: stdout) == ["second init"], "\(stdout)")
            #expect(forwardedLines(of: "app", in: stdout) == ["app ran"], "\(stdout)")
            let first = try #require(stdout.range(of: "init-1 | first init"))
            let second = try #require(stdout.range(of: "init-2 | second init"))
            #expect(first.lowerBound < second.lowerBound)
            #expect(forwardedLines(of: "init-2", in: try pod.stderr()) == ["second init on stderr"])
            try pod.expectNothingLeft()
        }

        @Test("e2e: a failing init component ends the pod with its exit code, and nothing else starts")
        func initFailure() throws {
            let pod = try ControllerRun.start("initfail", labels: [
                "pod.init.components": """
                    - image: \(EndToEnd.busybox)
                      command: [sh, -c, 'echo init failing; exit 4']
                    - image: \(EndToEnd.busybox)
                      command: [sh, -c, 'echo second init ran']
                    """,
                "pod.container.app": busybox("echo app ran; sleep 30"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 4)
            let logs = try pod.logs()
            #expect(logs.contains("init-1 | init failing"), "\(logs)")
            #expect(logs.contains("init component \"init-1\" exited with 4"), "\(logs)")
            #expect(!logs.contains("second init ran") && !logs.contains("app ran"), "\(logs)")
            let events = try pod.events()
            #expect(events.allSatisfy { ["init-1", "ipc-holder"].contains($0.component) }, "\(events)")
            try pod.expectNothingLeft()
        }

        // MARK: depends_on

        @Test("e2e: depends_on: started (list and map forms), healthy and completed successfully")
        func dependencies() throws {
            let volume = try SharedVolume()
            defer { volume.remove() }
            let pod = try ControllerRun.start("deps", labels: [
                // Healthy only once /tmp/ready appears, two seconds in.
                "pod.container.db": busybox(
                    "echo db starts >> /shared/order; sleep 2; touch /tmp/ready; echo db ready >> /shared/order; sleep 60",
                    extra: "healthcheck:\n  test: [CMD, test, -f, /tmp/ready]\n  interval: 1s\n  retries: 30\n"),
                // A job: its exit 0 ends nothing.
                "pod.container.migrate": busybox(
                    "echo migrate starts >> /shared/order; sleep 1; echo migrate done >> /shared/order",
                    extra: "depends_on: [db]\n"),
                "pod.container.cache": busybox("sleep 60"),
                "pod.container.app": busybox(
                    "echo app starts >> /shared/order; echo app ran",
                    extra: """
                        depends_on:
                          db: {condition: service_healthy}
                          migrate: {condition: service_completed_successfully}
                          cache: {condition: service_started}

                        """),
            ], arguments: ["--logs"], dockerArguments: volume.mount())
            defer { pod.remove() }
            // app's own exit 0 ends the pod; migrate's didn't.
            #expect(try pod.exitCode() == 0)
            #expect(forwardedLines(of: "app", in: try pod.stdout()) == ["app ran"])

            let order = try volume.lines(of: "order")
            func position(_ marker: String) throws -> Int {
                try #require(order.firstIndex(of: marker), "\(marker) missing from \(order)")
            }
            #expect(try position("db starts") < position("migrate starts"))
            #expect(try position("db ready") < position("app starts"))
            #expect(try position("migrate done") < position("app starts"))
            #expect(order.last == "app starts", "\(order)")

            let events = try pod.events()
            let appStarted = try #require(pod.index(of: "start", "app", in: events), "\(events)")
            let dbStarted = try #require(pod.index(of: "start", "db", in: events), "\(events)")
            let migrateStarted = try #require(pod.index(of: "start", "migrate", in: events), "\(events)")
            let dbHealthy = try #require(pod.index(of: "health_status: healthy", "db", in: events), "\(events)")
            let migrateDied = try #require(pod.index(of: "die", "migrate", in: events), "\(events)")
            let cacheStarted = try #require(pod.index(of: "start", "cache", in: events), "\(events)")
            #expect(dbStarted < migrateStarted, "\(events)")
            #expect(dbHealthy < appStarted && migrateDied < appStarted && cacheStarted < appStarted, "\(events)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: a dependency that becomes unhealthy ends the pod, naming both components")
        func unhealthyDependency() throws {
            let pod = try ControllerRun.start("unhealthy", labels: [
                "pod.container.db": busybox("sleep 60", extra: "healthcheck:\n  test: [CMD, 'false']\n  interval: 1s\n  retries: 1\n"),
                "pod.container.app": busybox("echo app ran", extra: "depends_on: {db: {condition: service_healthy}}\n"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 1)
            let logs = try pod.logs()
            #expect(logs.contains("component \"app\" depends on \"db\" being healthy, but \"db\" became unhealthy"), "\(logs)")
            #expect(!logs.contains("app ran"))
            let events = try pod.events()
            #expect(pod.index(of: "start", "app", in: events) == nil, "\(events)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: a job that fails ends the pod with its exit code, naming both components")
        func failedJob() throws {
            let pod = try ControllerRun.start("failedjob", labels: [
                "pod.container.migrate": busybox("echo migrating; exit 2"),
                "pod.container.app": busybox("echo app ran", extra: "depends_on: {migrate: {condition: service_completed_successfully}}\n"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 2)
            let logs = try pod.logs()
            #expect(logs.contains("component \"app\" needs \"migrate\" to complete successfully, but it exited with 2"), "\(logs)")
            #expect(forwardedLines(of: "migrate", in: try pod.stdout()) == ["migrating"])
            #expect(!logs.contains("app ran"), "\(logs)")
            let events = try pod.events()
            #expect(pod.index(of: "start", "app", in: events) == nil, "\(events)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: an unknown dependency and a dependency cycle exit 125, and nothing is created", arguments: [
            (
                ["pod.container.app": busybox("sleep 30", extra: "depends_on: [db]\n")],
                #"component "app", key "depends_on" (line 3:14): "db" is not a component of this pod"#
            ),
            (
                [
                    "pod.container.a": busybox("sleep 30", extra: "depends_on: [b]\n"),
                    "pod.container.b": busybox("sleep 30", extra: "depends_on: {c: {condition: service_healthy}}\n"),
                    "pod.container.c": busybox("sleep 30", extra: "depends_on: [a]\n"),
                ],
                #"dependency cycle "a" -> "b" -> "c" -> "a""#
            ),
        ])
        func invalidDependencies(labels: [String: String], message: String) throws {
            let pod = try ControllerRun.start("baddeps", labels: labels)
            defer { pod.remove() }
            #expect(try pod.exitCode() == 125)
            let stderr = try pod.stderr()
            #expect(stderr.contains(message), "\(stderr)")
            #expect(try pod.events().isEmpty)
            try pod.expectNothingLeft()
        }

        // MARK: Images

        @Test("e2e: pull_policy never with a missing image fails with 125 before anything is created")
        func pullPolicyNever() throws {
            let pod = try ControllerRun.start("never", labels: [
                "pod.container.ok": busybox("sleep 30"),
                "pod.container.missing": "image: podlike-test/not-loaded:never\npull_policy: never\n",
            ])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 125)
            let logs = try pod.logs()
            #expect(logs.contains(#"component "missing": image "podlike-test/not-loaded:never" is not on this node and its pull_policy is never"#), "\(logs)")
            #expect(try pod.events().isEmpty)
            try pod.expectNothingLeft()
        }

        @Test("e2e: a failed pull exits 125 with the registry's message, and nothing is created")
        func pullFailure() throws {
            // A closed port on the loopback: the pull fails at once, and nothing leaves the host.
            let image = "127.0.0.1:9/podlike-test/unreachable:1"
            let pod = try ControllerRun.start("pullfail", labels: [
                "pod.container.ok": busybox("sleep 30"),
                "pod.container.remote": "image: \(image)\n",
            ])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 125)
            let logs = try pod.logs()
            #expect(logs.contains(#"component "remote": pulling "\#(image)" failed"#), "\(logs)")
            #expect(logs.contains("127.0.0.1:9") && logs.contains("connection refused"), "\(logs)")
            #expect(try pod.events().isEmpty)
            try pod.expectNothingLeft()
        }

        @Test("e2e: an image that is present is pulled again with --pull or pull_policy: always, and not otherwise", arguments: [
            (["--pull"], ""), ([], "pull_policy: always\n"), ([], ""),
        ])
        func pullAlways(_ flags: [String], _ policy: String) throws {
            // Present locally under a registry that is a closed loopback port: a pull
            // attempt fails at once, so the outcome shows whether one was made.
            let image = "127.0.0.1:9/podlike-test/present:1"
            try EndToEnd.docker("tag", EndToEnd.busybox, image)
            defer { _ = try? EndToEnd.run(["docker", "rmi", image]) }
            let pod = try ControllerRun.start("pullalways", labels: [
                "pod.container.app": "image: \(image)\ncommand: [sh, -c, 'echo ran']\n\(policy)",
            ], arguments: ["--logs"] + flags)
            defer { pod.remove() }
            let pulls = !flags.isEmpty || !policy.isEmpty
            #expect(try pod.exitCode() == (pulls ? 125 : 0))
            let logs = try pod.logs()
            #expect(logs.contains("pulling \"\(image)\" failed") == pulls, "\(logs)")
            #expect(logs.contains("app | ran") == !pulls, "\(logs)")
            try pod.expectNothingLeft()
        }

        // MARK: Restarts

        @Test("e2e: restart on-failure:2 restarts a failing component twice, then ends the pod with its code")
        func restartOnFailure() throws {
            let pod = try ControllerRun.start("onfailure", labels: [
                "pod.container.flaky": busybox("echo flaky ran; exit 3", extra: "restart: on-failure:2\n"),
                "pod.container.other": busybox("sleep 60"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 3)
            #expect(forwardedLines(of: "flaky", in: try pod.stdout()) == ["flaky ran", "flaky ran", "flaky ran"])
            let logs = try pod.logs()
            #expect(logs.contains(#"component "flaky" exited with 3 after 2 restarts"#), "\(logs)")
            let starts = try pod.events().filter { $0 == .init(action: "start", component: "flaky") }
            #expect(starts.count == 3)
            try pod.expectNothingLeft()
        }

        @Test("e2e: restart always brings back a component that exits 0, while the pod runs")
        func restartAlways() throws {
            let pod = try ControllerRun.start("always", labels: [
                "pod.container.again": busybox("echo again ran", extra: "restart: always\n"),
                "pod.container.other": busybox("echo other-up; sleep 60"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            // The backoff doubles from 0.5s, so the third run comes 1.5s in.
            let runs = try EndToEnd.poll(within: 30, { forwardedLines(of: "again", in: try pod.stdout()).count }, until: { $0 >= 3 })
            #expect(runs >= 3, "again ran \(runs) times")
            try EndToEnd.docker("stop", "-t", "30", pod.name)
            #expect(try pod.exitCode() == 0)
            #expect(forwardedLines(of: "other", in: try pod.stdout()) == ["other-up"])
            try pod.expectNothingLeft()
        }

        // MARK: Stopping

        @Test("e2e: on SIGTERM dependents stop before their dependencies, each with its stop signal and grace period")
        func stopOrder() throws {
            let volume = try SharedVolume()
            defer { volume.remove() }
            let log = "/shared/stops"
            let pod = try ControllerRun.start("stop", labels: [
                "pod.container.db": busybox(
                    Script.clock + "trap 'echo db-term $(now) >> \(log); exit 0' TERM; echo db-up; " + Script.idle),
                // Takes two seconds to stop, on SIGUSR1; SIGTERM would be the wrong signal.
                "pod.container.app": busybox(
                    Script.clock + "trap 'echo app-usr1 $(now) >> \(log); sleep 2; echo app-done $(now) >> \(log); exit 0' USR1; "
                        + "trap 'echo app-term $(now) >> \(log)' TERM; echo app-up; " + Script.idle,
                    extra: "stop_signal: SIGUSR1\nstop_grace_period: 5s\ndepends_on: [db]\n"),
                // Ignores SIGTERM, so the engine kills it when its 2s are up.
                "pod.container.stubborn": busybox(
                    Script.clock + "trap 'echo stubborn-term $(now) >> \(log)' TERM; echo stubborn-up; " + Script.idle,
                    extra: "stop_grace_period: 2s\ndepends_on: [db]\n"),
            ], arguments: ["--logs", "--stop-grace", "30s"], dockerArguments: volume.mount())
            defer { pod.remove() }
            for component in ["db", "app", "stubborn"] {
                #expect(try pod.waitForOutput("\(component)-up"), "\(component) never came up")
            }
            try EndToEnd.docker("stop", "-t", "60", pod.name)
            #expect(try pod.exitCode() == 0)

            let stops = try volume.lines(of: "stops")
            let appSignalled = try #require(Script.time(of: "app-usr1", in: stops), "\(stops)")
            let appDone = try #require(Script.time(of: "app-done", in: stops), "\(stops)")
            let stubbornSignalled = try #require(Script.time(of: "stubborn-term", in: stops), "\(stops)")
            let dbSignalled = try #require(Script.time(of: "db-term", in: stops), "\(stops)")
            #expect(Script.time(of: "app-term", in: stops) == nil, "app got SIGTERM: \(stops)")
            // app had the time it needed; stubborn had its 2s and no more than the default 10s.
            #expect(appDone - appSignalled >= 1.9, "\(stops)")
            // db is signalled only once both of its dependents are gone.
            #expect(dbSignalled >= appDone, "\(stops)")
            #expect(dbSignalled - stubbornSignalled >= 1.9, "\(stops)")
            #expect(dbSignalled - stubbornSignalled < 9, "\(stops)")
            try pod.expectNothingLeft()
        }

        @Test("e2e: a component's stop grace period is clamped to the controller's --stop-grace")
        func stopGraceClamp() throws {
            let pod = try ControllerRun.start("clamp", labels: [
                "pod.container.slow": busybox(
                    "trap 'echo slow ignores TERM' TERM; echo slow-up; " + Script.idle, extra: "stop_grace_period: 1m\n"),
            ], arguments: ["--logs", "--stop-grace", "5s"])
            defer { pod.remove() }
            #expect(try pod.waitForOutput("slow | slow-up"))
            let began = Date()
            try EndToEnd.docker("stop", "-t", "60", pod.name)
            let took = Date().timeIntervalSince(began)
            #expect(try pod.exitCode() == 0)
            // Nowhere near the minute it asked for.
            #expect(took < 20, "stopping took \(took)s")
            let logs = try pod.logs()
            #expect(logs.contains("slow | slow ignores TERM"), "\(logs)")
            // Only slow asked for a grace period, so only slow's is reported as clamped.
            let clamped = logs.split(separator: "\n").filter { $0.contains("clamped") }
            #expect(clamped.count == 1 && clamped[0].contains("component=slow") && clamped[0].contains("5.0s"), "\(logs)")
            try pod.expectNothingLeft()
        }
    }
}
