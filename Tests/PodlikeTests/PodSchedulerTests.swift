import Podlike
import Testing

struct PodSchedulerTests {
    func lifecycle(restart: RestartRule = .no, _ dependencies: (String, Dependency.Condition)...) -> ComponentLifecycle {
        var lifecycle = ComponentLifecycle()
        lifecycle.restart = restart
        lifecycle.dependsOn = dependencies.map { Dependency(component: $0.0, condition: $0.1) }
        return lifecycle
    }

    @Test("components without dependencies start together")
    func startTogether() {
        var scheduler = PodScheduler([("a", lifecycle()), ("b", lifecycle())])
        #expect(scheduler.initialActions() == [.start("a"), .start("b")])
    }

    @Test("a component's exit ends the pod with its code")
    func exitEndsPod() {
        var scheduler = PodScheduler([("a", lifecycle()), ("b", lifecycle())])
        _ = scheduler.initialActions()
        _ = scheduler.handle(.started("a", hasHealthcheck: false))
        #expect(scheduler.handle(.exited("a", code: 3)) == [.end(.init(exitCode: 3, reason: "component \"a\" exited with 3"))])
    }

    @Test("service_started: the dependent starts once its dependency runs")
    func serviceStarted() {
        var scheduler = PodScheduler([("db", lifecycle()), ("app", lifecycle(("db", .started)))])
        #expect(scheduler.initialActions() == [.start("db")])
        #expect(scheduler.handle(.started("db", hasHealthcheck: true)) == [.start("app")])
    }

    @Test("service_healthy: the dependent waits for healthy; no healthcheck counts as healthy")
    func serviceHealthy() {
        var scheduler = PodScheduler([("db", lifecycle()), ("app", lifecycle(("db", .healthy)))])
        _ = scheduler.initialActions()
        #expect(scheduler.handle(.started("db", hasHealthcheck: true)) == [])
        #expect(scheduler.handle(.healthy("db")) == [.start("app")])

        var unchecked = PodScheduler([("db", lifecycle()), ("app", lifecycle(("db", .healthy)))])
        _ = unchecked.initialActions()
        #expect(unchecked.handle(.started("db", hasHealthcheck: false)) == [.start("app")])
    }

    @Test("a dependency that becomes unhealthy first ends the pod, naming both")
    func unhealthyDependency() throws {
        var scheduler = PodScheduler([("db", lifecycle()), ("app", lifecycle(("db", .healthy)))])
        _ = scheduler.initialActions()
        _ = scheduler.handle(.started("db", hasHealthcheck: true))
        let actions = scheduler.handle(.unhealthy("db"))
        guard case .end(let outcome) = try #require(actions.first) else { Issue.record("expected the end"); return }
        #expect(outcome.reason.contains("\"app\"") && outcome.reason.contains("\"db\""))
    }

    @Test("a job's exit 0 starts its dependents and ends nothing")
    func job() {
        var scheduler = PodScheduler([("migrate", lifecycle()), ("app", lifecycle(("migrate", .completedSuccessfully)))])
        #expect(scheduler.initialActions() == [.start("migrate")])
        _ = scheduler.handle(.started("migrate", hasHealthcheck: false))
        #expect(scheduler.handle(.exited("migrate", code: 0)) == [.start("app")])
    }

    @Test("a job that fails ends the pod with its code, naming both")
    func failedJob() throws {
        var scheduler = PodScheduler([("migrate", lifecycle()), ("app", lifecycle(("migrate", .completedSuccessfully)))])
        _ = scheduler.initialActions()
        _ = scheduler.handle(.started("migrate", hasHealthcheck: false))
        guard case .end(let outcome) = try #require(scheduler.handle(.exited("migrate", code: 4)).first) else { Issue.record("expected the end"); return }
        #expect(outcome.exitCode == 4)
        #expect(outcome.reason.contains("\"app\"") && outcome.reason.contains("\"migrate\""))
    }

    @Test("on-failure:2 restarts twice with growing backoff, then ends the pod")
    func onFailure() {
        var scheduler = PodScheduler([("a", lifecycle(restart: .onFailure(maxRetries: 2)))])
        _ = scheduler.initialActions()
        _ = scheduler.handle(.started("a", hasHealthcheck: false))
        #expect(scheduler.handle(.exited("a", code: 1)) == [.restart("a", attempt: 1, afterSeconds: 0.5)])
        _ = scheduler.handle(.started("a", hasHealthcheck: false))
        #expect(scheduler.handle(.exited("a", code: 1)) == [.restart("a", attempt: 2, afterSeconds: 1)])
        _ = scheduler.handle(.started("a", hasHealthcheck: false))
        #expect(scheduler.restarts(of: "a") == 2)
        #expect(scheduler.handle(.exited("a", code: 1)) == [.end(.init(exitCode: 1, reason: "component \"a\" exited with 1 after 2 restarts"))])
    }

    @Test("on-failure does not restart a clean exit; always does")
    func cleanExit() {
        var onFailure = PodScheduler([("a", lifecycle(restart: .onFailure(maxRetries: nil)))])
        _ = onFailure.initialActions()
        #expect(onFailure.handle(.exited("a", code: 0)) == [.end(.init(exitCode: 0, reason: "component \"a\" exited with 0"))])
        var always = PodScheduler([("a", lifecycle(restart: .always))])
        _ = always.initialActions()
        #expect(always.handle(.exited("a", code: 0)) == [.restart("a", attempt: 1, afterSeconds: 0.5)])
    }

    @Test("dependents stop before their dependencies")
    func stopLevels() {
        let levels = PodScheduler.stopLevels([
            "db": lifecycle(), "cache": lifecycle(),
            "app": lifecycle(("db", .healthy), ("cache", .started)),
            "proxy": lifecycle(("app", .started)),
        ])
        #expect(levels == [["proxy"], ["app"], ["cache", "db"]])
    }
}
