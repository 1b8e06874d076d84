import Foundation
import Testing

/// Whether the end-to-end suite runs. Locally it skips, and says why, when no
/// engine answers; with `PODLIKE_E2E=required` (as `.ci/run` sets) it always runs,
/// so a missing engine fails instead of skipping.
enum EndToEnd {
    static let required = ProcessInfo.processInfo.environment["PODLIKE_E2E"] == "required"

    /// The engine the tests drive, as the docker CLI and podlike read it.
    static let dockerHost = ProcessInfo.processInfo.environment["DOCKER_HOST"].flatMap { $0.isEmpty ? nil : $0 }
        ?? "unix:///var/run/docker.sock"

    /// The engine's socket as the engine's own host sees it, for controllers to
    /// mount: DOCKER_HOST's path when it is a local socket, else the engine's
    /// default (a VM's engine, reached over TCP). PODLIKE_E2E_ENGINE_SOCKET overrides it.
    static let socketPath: String = {
        if let path = ProcessInfo.processInfo.environment["PODLIKE_E2E_ENGINE_SOCKET"], !path.isEmpty { return path }
        return dockerHost.hasPrefix("unix://") ? String(dockerHost.dropFirst("unix://".count)) : "/var/run/docker.sock"
    }()

    static let engineAvailable: Bool = {
        if required { return true }
        let reachable = (try? run(["docker", "version", "--format", "{{.Server.Version}}"]).status) == 0
        if !reachable {
            print("◇ end-to-end tests skipped: no Docker engine answers at \(dockerHost); set PODLIKE_E2E=required to make that an error")
        }
        return reachable
    }()

    /// The busybox test image that `.ci/run` (or `scripts/test-images.sh`) imports.
    static let busybox = "podlike-test/busybox:latest"
    /// The controller image that `scripts/build-image.sh` builds.
    static let controllerImage = ProcessInfo.processInfo.environment["PODLIKE_IMAGE"] ?? "podlike:dev"

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a command (the docker CLI, mostly) to completion.
    @discardableResult
    static func run(_ arguments: [String], input: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        // Read both pipes before waiting, so a chatty command can't block on a full pipe.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `docker ...`, failing the test when it fails.
    @discardableResult
    static func docker(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let output = try run(["docker"] + arguments)
        if output.status != 0 {
            Issue.record("docker \(arguments.joined(separator: " ")) failed (\(output.status)): \(output.stderr)", sourceLocation: sourceLocation)
        }
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The `podlike` binary that `swift build` (or `swift test`) built.
    static func builtBinary(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [".build/debug/podlike", ".build/release/podlike", ".build-release/release/podlike"]
            .map { root.appendingPathComponent($0).path }
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
                            "no podlike binary in \(candidates); run swift build", sourceLocation: sourceLocation)
    }

    /// Looks with `look` every `interval` seconds until `done` holds for what it
    /// found, or `seconds` have passed; returns the last look either way, for the
    /// caller to check and to name in its failure.
    static func poll<T>(within seconds: Double, every interval: Double = 0.5,
                        _ look: () throws -> T, until done: (T) -> Bool) rethrows -> T {
        let deadline = Date().addingTimeInterval(seconds)
        var found = try look()
        while !done(found), Date() < deadline {
            Thread.sleep(forTimeInterval: interval)
            found = try look()
        }
        return found
    }

    /// A name unique to one test run, for containers, volumes and services.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// IDs of every container that carries `label` (`key=value`), running or not.
    static func containers(label: String) throws -> [String] {
        try run(["docker", "ps", "-aq", "--filter", "label=\(label)"]).stdout
            .split(separator: "\n").map(String.init)
    }
}
