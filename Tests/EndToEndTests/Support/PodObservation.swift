import Foundation
import Testing

/// What the lifecycle tests read back from a finished pod: the controller's two
/// output streams, each component's forwarded lines, and the engine's record of
/// what happened to the pod's containers.
extension ControllerRun {
    /// Only what the controller wrote to stdout (`docker logs X 2>/dev/null`).
    func stdout() throws -> String {
        try EndToEnd.run(["docker", "logs", name]).stdout
    }

    /// Only what the controller wrote to stderr (`docker logs X 1>/dev/null`).
    func stderr() throws -> String {
        try EndToEnd.run(["docker", "logs", name]).stderr
    }

    /// One event the engine recorded for a container of this pod.
    struct ContainerEvent: Equatable, CustomStringConvertible {
        /// `create`, `start`, `die`, `destroy`, `health_status: healthy` …
        var action: String
        /// The component's name, or `ipc-holder`.
        var component: String
        var description: String { "\(action) \(component)" }
    }

    /// The engine's container events for this pod, from the controller's creation
    /// until now, in order. Call it once the controller has exited.
    func events() throws -> [ContainerEvent] {
        let created = try EndToEnd.docker("inspect", "-f", "{{.Created}}", name)
        let until = String(format: "%.3f", Date().timeIntervalSince1970)
        let output = try EndToEnd.run([
            "docker", "events", "--since", created, "--until", until,
            "--filter", "type=container", "--filter", "label=io.podlike.pod=\(name)",
            "--format", "{{.Action}}\t{{index .Actor.Attributes \"name\"}}",
        ])
        return output.stdout.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard fields.count == 2 else { return nil }
            let container = fields[1]
            let component = container == "\(name).podlike-ipc"
                ? "ipc-holder" : String(container.dropFirst("\(name).podlike.".count))
            return ContainerEvent(action: fields[0], component: component)
        }
    }

    /// The position of the first event matching `action` and `component`, if any.
    func index(of action: String, _ component: String, in events: [ContainerEvent]) -> Int? {
        events.firstIndex(of: ContainerEvent(action: action, component: component))
    }
}

/// The lines that `--logs` forwarded for `component`, without the `name | ` prefix.
func forwardedLines(of component: String, in output: String) -> [String] {
    output.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
        guard let bar = line.range(of: " | ") else { return nil }
        let name = line[..<bar.lowerBound].trimmingCharacters(in: .whitespaces)
        return name == component ? String(line[bar.upperBound...]) : nil
    }
}

/// A named volume, mounted into the controller so that every component shares it
/// (the components record what they did there), and read back with busybox.
struct SharedVolume {
    let name = EndToEnd.uniqueName("podlike-lifecycle")

    init(populate script: String? = nil) throws {
        try EndToEnd.docker("volume", "create", name)
        if let script {
            try EndToEnd.docker("run", "--rm", "-v", "\(name):/shared", EndToEnd.busybox, "sh", "-c", script)
        }
    }

    /// `-v NAME:PATH` for the controller's `docker run`.
    func mount(at path: String = "/shared", readOnly: Bool = false) -> [String] {
        ["-v", "\(name):\(path)\(readOnly ? ":ro" : "")"]
    }

    /// The lines of a file in the volume.
    func lines(of file: String) throws -> [String] {
        try EndToEnd.docker("run", "--rm", "-v", "\(name):/shared:ro", EndToEnd.busybox, "cat", "/shared/\(file)")
            .split(separator: "\n").map(String.init)
    }

    func remove() {
        _ = try? EndToEnd.run(["docker", "volume", "rm", "-f", name])
    }
}

/// Shell snippets for component scripts.
enum Script {
    /// Defines `now`, which prints the host's uptime in hundredths of a second: one
    /// clock that every container reads alike, finer than busybox `date`.
    static let clock = "now() { read up idle < /proc/uptime; echo $up; }; "
    /// Keeps a shell alive while letting its traps run at once.
    static let idle = "while true; do sleep 1 & wait $!; done"

    /// The time on the first `MARKER TIME` line, as a script wrote it with `now`.
    static func time(of marker: String, in lines: [String]) -> Double? {
        lines.lazy.compactMap { line -> Double? in
            let words = line.split(separator: " ")
            guard words.count == 2, words[0] == marker else { return nil }
            return Double(words[1])
        }.first
    }
}
