import ArgumentParser
import Podlike

/// The controller's flags that are not about the components' namespaces.
struct RunOptions: ParsableArguments {
    @Option(help: "The time the whole pod gets to stop, like 10s or 1m30s. Default: the controller's own stop timeout (docker run --stop-timeout) or the Swarm service's stop grace period, else 10s.")
    var stopGrace: String?

    @Option(help: "A Docker config.json with registry credentials (an \"auths\" section). Also PODLIKE_REGISTRY_AUTH.")
    var registryAuth: String?

    @Option(help: "Where to serve the pod's status for `podlike status` and `podlike healthcheck`. Also \(StatusSocket.environmentVariable). Default: \(StatusSocket.defaultPath).")
    var statusSocket: String?

    func validate() throws {
        _ = try stopGraceDuration
    }

    var stopGraceDuration: Duration? {
        get throws {
            guard let stopGrace else { return nil }
            guard let nanoseconds = ComposeDuration.nanoseconds(stopGrace) else {
                throw ValidationError("--stop-grace: expected a duration like 10s or 1m30s, \(ComposeDuration.range), got \"\(stopGrace)\"")
            }
            return .nanoseconds(nanoseconds)
        }
    }

    func bootstrapSettings(_ controller: ControllerOptions, environment: [String: String]) throws -> PodBootstrap.Settings {
        PodBootstrap.Settings(options: controller.podOptions, stopGrace: try stopGraceDuration, registryAuth: registryAuth, environment: environment)
    }
}
