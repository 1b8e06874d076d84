import Foundation
import Testing

/// A controller started with `docker run` on the real engine, and what a test
/// needs to watch it and clean up after it.
struct ControllerRun {
    let name: String

    /// `docker run -d` of the controller image with the engine socket and `labels`.
    static func start(
        _ prefix: String, labels: [String: String], arguments: [String] = [], dockerArguments: [String] = [],
        engineSocket: String = EndToEnd.socketPath, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ControllerRun {
        let run = ControllerRun(name: EndToEnd.uniqueName(prefix))
        var command = ["docker", "run", "-d", "--name", run.name, "-v", "\(engineSocket):/var/run/docker.sock"]
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) {
            command += ["--label", "\(key)=\(value)"]
        }
        command += dockerArguments + [EndToEnd.controllerImage] + arguments
        let output = try EndToEnd.run(command)
        if output.status != 0 {
            Issue.record("the controller did not start: \(output.stderr)", sourceLocation: sourceLocation)
        }
        return run
    }

    /// The controller's exit code, waiting up to `seconds`.
    func exitCode(within seconds: Int = 60) throws -> Int32? {
        let output = try EndToEnd.run(["timeout", "\(seconds)", "docker", "wait", name])
        return Int32(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Everything the controller printed, stdout and stderr.
    func logs() throws -> String {
        let output = try EndToEnd.run(["docker", "logs", name])
        return output.stdout + output.stderr
    }

    /// Follows the controller's output until it contains `text`, for up to `seconds`.
    @discardableResult
    func waitForOutput(_ text: String, within seconds: Int = 60) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["docker", "logs", "-f", name]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds), execute: deadline)
        defer {
            deadline.cancel()
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        var seen = Data()
        while true {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { return false }  // the stream ended, or the deadline stopped it
            seen.append(chunk)
            if String(decoding: seen, as: UTF8.self).contains(text) { return true }
        }
    }

    /// Containers of this pod (components and holder) that still exist.
    func leftovers() throws -> [String] {
        try EndToEnd.containers(label: "io.podlike.pod=\(name)")
    }

    /// Removes the controller and anything of its pod, whatever state the test left.
    func remove() {
        _ = try? EndToEnd.run(["docker", "rm", "-f", name])
        for id in (try? leftovers()) ?? [] {
            _ = try? EndToEnd.run(["docker", "rm", "-f", id])
        }
    }

    /// Waits for the pod's containers to be gone, up to `seconds`.
    func expectNothingLeft(within seconds: Int = 30, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // The engine removes auto-removed containers shortly after they stop.
        let left = try EndToEnd.poll(within: Double(seconds), leftovers, until: \.isEmpty)
        #expect(left.isEmpty, "containers of pod \(name) left behind: \(left)", sourceLocation: sourceLocation)
    }
}

/// A component definition for a label, running busybox.
func busybox(_ script: String, extra: String = "") -> String {
    let quoted = script.replacingOccurrences(of: "'", with: "''")
    return "image: \(EndToEnd.busybox)\ncommand: [sh, -c, '\(quoted)']\n\(extra)"
}
