import ArgumentParser
import Podlike

/// The controller's flags, spelt as the original tool's too (`-pids=false`).
struct ControllerOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Share the controller's PID namespace with the components.")
    var pids = true

    @Flag(inversion: .prefixedNo, help: "Share the pod's IPC namespace with the components.")
    var ipc = true

    @Flag(inversion: .prefixedNo, help: "Share the controller's volumes (never the engine socket) with the components.")
    var volumes = true

    @Flag(help: "Forward every component's output, prefixed with its name.")
    var logs = false

    @Flag(help: "Pull every image before starting, even when it is present.")
    var pull = false

    var podOptions: PodOptions {
        PodOptions(sharePids: pids, shareIpc: ipc, shareVolumes: volumes, forwardLogs: logs, alwaysPull: pull)
    }
}
