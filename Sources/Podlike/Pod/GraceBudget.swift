/// How long the whole pod gets to stop, longer component grace periods being
/// clamped to it: `--stop-grace` when given; else the time the engine gives the
/// controller before SIGKILL (its own stop timeout, `docker run --stop-timeout`),
/// or the Swarm service's stop grace period; else the engine's default, 10 s.
public enum GraceBudget {
    public static let engineDefault: Duration = .seconds(10)

    public static func choose(explicit: Duration?, controller: ContainerInspect, serviceStopGrace: Duration?) -> Duration {
        explicit ?? controller.Config.StopTimeout.map { .seconds($0) } ?? serviceStopGrace ?? engineDefault
    }
}
