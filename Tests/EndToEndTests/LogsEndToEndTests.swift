import Foundation
import Testing

extension EndToEndSuites {
    /// `--logs` on a real engine: every line of every component reaches the
    /// controller's own output, on the stream it was written to, whole and in order.
    @Suite(.serialized, .enabled(if: EndToEnd.engineAvailable, "needs a Docker engine"))
    struct LogsEndToEndTests {
        @Test("e2e: --logs sends stdout to stdout and stderr to stderr, each line prefixed with its component")
        func streams() throws {
            let pod = try ControllerRun.start("streams", labels: [
                "pod.container.app": busybox("echo out one; echo err one >&2; echo out two; echo err two >&2"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            let stdout = try pod.stdout(), stderr = try pod.stderr()
            #expect(stdout == "app | out one\napp | out two\n", "\(stdout)")
            #expect(forwardedLines(of: "app", in: stderr) == ["err one", "err two"], "\(stderr)")
            #expect(!stderr.contains("out one") && !stderr.contains("out two"), "\(stderr)")
            try pod.expectNothingLeft()
        }

        /// Two jobs write at once; `done` ends the pod once both have finished.
        static let burst = 10_000

        @Test("e2e: --logs loses, splits and merges no line: a 100 KB line, 10,000-line bursts, a last line without newline")
        func wholeLines() throws {
            let writer = { (name: String) in
                busybox("seq 1 \(Self.burst) | sed \"s/^/\(name) line /\"; head -c 102400 /dev/zero | tr \"\\\\0\" \(name.prefix(1)); echo; printf \"\(name) last line without newline\"")
            }
            let pod = try ControllerRun.start("lines", labels: [
                "pod.container.left": writer("left"),
                "pod.container.right": writer("right"),
                "pod.container.done": busybox("echo both done", extra: """
                    depends_on:
                      left: {condition: service_completed_successfully}
                      right: {condition: service_completed_successfully}

                    """),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode(within: 120) == 0)
            let stdout = try pod.stdout()

            // Every line of stdout is a whole forwarded line of one component.
            let known = ["left  | ", "right | ", "done  | "]
            let strays = stdout.split(separator: "\n").filter { line in !known.contains { line.hasPrefix($0) } }
            #expect(strays.isEmpty, "lines without a component prefix: \(strays.prefix(5).map { $0.prefix(200) })")
            #expect(stdout.hasSuffix("\n"))

            for name in ["left", "right"] {
                let lines = forwardedLines(of: name, in: stdout)
                let expected = (1...Self.burst).map { "\(name) line \($0)" }
                    + [String(repeating: String(name.prefix(1)), count: 102_400), "\(name) last line without newline"]
                #expect(lines.count == expected.count, "\(name): \(lines.count) lines, expected \(expected.count)")
                if lines != expected {
                    let first = zip(lines, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(lines.count, expected.count)
                    Issue.record("\(name): first difference at line \(first + 1): \(lines.dropFirst(first).first?.prefix(120) ?? "nothing")")
                }
            }
            #expect(forwardedLines(of: "done", in: stdout) == ["both done"])
            try pod.expectNothingLeft()
        }

        @Test("e2e: --logs forwards a TTY component's output line by line, without carriage returns")
        func tty() throws {
            let pod = try ControllerRun.start("tty", labels: [
                "pod.container.term": busybox(
                    "echo tty line one; echo tty to stderr >&2; printf \"tty last line\"", extra: "tty: true\n"),
            ], arguments: ["--logs"])
            defer { pod.remove() }
            #expect(try pod.exitCode() == 0)
            let stdout = try pod.stdout()
            // A TTY has one stream: stderr comes out on stdout, as with docker run -t.
            #expect(forwardedLines(of: "term", in: stdout) == ["tty line one", "tty to stderr", "tty last line"], "\(stdout.debugDescription)")
            #expect(!stdout.contains("\r"))
            try pod.expectNothingLeft()
        }
    }
}
