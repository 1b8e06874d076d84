import Podlike
import Testing

struct GraceBudgetTests {
    func controller(stopTimeout: Int?) -> ContainerInspect {
        var config = ContainerInspect.ContainerConfig()
        config.StopTimeout = stopTimeout
        return ContainerInspect(Id: "c", Name: "/pod", State: .init(Status: "running", Running: true), Config: config)
    }

    @Test("--stop-grace wins over everything")
    func explicit() {
        #expect(GraceBudget.choose(explicit: .seconds(3), controller: controller(stopTimeout: 40), serviceStopGrace: .seconds(30)) == .seconds(3))
    }

    @Test("then the controller's own stop timeout, which the engine waits before SIGKILL (docker run --stop-timeout 40)")
    func stopTimeout() {
        #expect(GraceBudget.choose(explicit: nil, controller: controller(stopTimeout: 40), serviceStopGrace: .seconds(30)) == .seconds(40))
    }

    @Test("then the Swarm service's stop grace period, then the engine's 10 s")
    func fallbacks() {
        #expect(GraceBudget.choose(explicit: nil, controller: controller(stopTimeout: nil), serviceStopGrace: .seconds(25)) == .seconds(25))
        #expect(GraceBudget.choose(explicit: nil, controller: controller(stopTimeout: nil), serviceStopGrace: nil) == .seconds(10))
    }
}
