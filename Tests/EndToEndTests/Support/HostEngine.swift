import Foundation
import Testing

/// The local engine as a process, for tests of what a restart or a crash of the
/// engine does to a pod. `.ci/run` starts it; a test stops it with a signal and
/// starts it again with the same command line.
enum HostEngine {
    static let pidFile = "/var/run/docker.pid"

    /// Whether this run drives the engine whose pid file is here, and may restart it.
    static let restartable: Bool = {
        EndToEnd.dockerHost == "unix:///var/run/docker.sock" && getuid() == 0
            && FileManager.default.fileExists(atPath: pidFile) && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Stops dockerd with `signal` (SIGTERM: a clean shutdown; SIGKILL: a crash, its
    /// containers left running under their shims), then starts it as it was started
    /// and waits until it answers and its Swarm is active again.
    static func restart(signal: Int32) throws {
        let pidText = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int32(pidText) else { throw Failure(description: "\(pidFile) holds \"\(pidText)\"") }
        let cmdline = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))
        let arguments = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard let executable = arguments.first, executable.hasSuffix("dockerd") else {
            throw Failure(description: "process \(pid) is not dockerd: \(arguments)")
        }
        let swarmWasActive = (try? EndToEnd.docker("info", "--format", "{{.Swarm.LocalNodeState}}")) == "active"

        kill(pid, signal)
        let gone = try EndToEnd.poll(within: 60, { kill(pid, 0) != 0 }, until: { $0 })
        guard gone else { throw Failure(description: "dockerd \(pid) did not stop within 60 s") }
        // A crashed engine leaves its pid file; the new one would refuse to start.
        if signal == SIGKILL { try? FileManager.default.removeItem(atPath: pidFile) }

        // The test process blocks some signals and a child inherits the mask: the
        // engine started here gets an empty one, as a service manager would give it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = [
            "python3", "-c",
            "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
                + "log = os.open('/tmp/podlike-e2e-dockerd.log', os.O_WRONLY | os.O_CREAT | os.O_APPEND); "
                + "os.dup2(log, 1); os.dup2(log, 2); os.execvp(sys.argv[1], sys.argv[1:])",
        ] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        let answers = try EndToEnd.poll(within: 90, every: 1, { (try? EndToEnd.run(["docker", "info", "--format", "{{.ServerVersion}}"]).status) == 0 }, until: { $0 })
        guard answers else { throw Failure(description: "dockerd did not answer within 90 s of its restart; see /tmp/podlike-e2e-dockerd.log") }
        if swarmWasActive {
            let active = try EndToEnd.poll(within: 60, every: 1, { (try? EndToEnd.docker("info", "--format", "{{.Swarm.LocalNodeState}}")) ?? "" }, until: { $0 == "active" })
            guard active == "active" else { throw Failure(description: "the Swarm is \(active) after the engine's restart") }
        }
    }
}
