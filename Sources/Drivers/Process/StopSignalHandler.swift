import Podlike
import PodlikeYAML

/// `stop_signal: SIGQUIT` → `StopSignal`, the signal that asks the component to
/// stop. Names are Linux's, with or without `SIG` and in any case (written back as
/// `SIGQUIT`), including `SIGRTMIN+3` and `SIGRTMAX-1`; a number from 1 to 64 is
/// kept as written.
struct StopSignalHandler: SettingHandler {
    static let expectation = #"a signal like "SIGTERM", "QUIT", "SIGRTMIN+3" or a number from 1 to 64"#

    /// Linux signal names without `SIG`, as the engine knows them.
    static let names: [String] = [
        "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL",
        "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP",
        "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX",
    ] + (1...15).map { "RTMIN+\($0)" } + (1...14).map { "RTMAX-\($0)" }

    let descriptor = SettingDescriptor(
        key: "stop_signal",
        summary: "the signal that asks the component to stop, SIGTERM unless set",
        examples: [
            SettingExample("stop_signal: SIGQUIT", .request(#"{"StopSignal": "SIGQUIT"}"#)),
            SettingExample("stop_signal: TERM", .request(#"{"StopSignal": "SIGTERM"}"#)),
            SettingExample("stop_signal: sigusr1", .request(#"{"StopSignal": "SIGUSR1"}"#)),
            SettingExample("stop_signal: SIGRTMIN+3", .request(#"{"StopSignal": "SIGRTMIN+3"}"#)),
            SettingExample("stop_signal: 9", .request(#"{"StopSignal": "9"}"#)),
            SettingExample("stop_signal: SIGTREM", .error(#"expected a signal like "SIGTERM", "QUIT", "SIGRTMIN+3" or a number from 1 to 64, got "SIGTREM"; did you mean "SIGTERM"?"#)),
            SettingExample("stop_signal: SIGRTMIN+16", .error(#"got "SIGRTMIN+16""#)),
            SettingExample("stop_signal: 0", .error(#"or a number from 1 to 64, got "0""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let written = try value.nonEmptyText(expected: Self.expectation)
        if let number = Int(written) {
            guard (1...64).contains(number) else { throw SettingProblem.expected(Self.expectation, got: value) }
            spec.request.StopSignal = written
            return
        }
        var name = written.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst("SIG".count) }
        guard Self.names.contains(name) else {
            let hint = Suggestion.nearest(to: name, in: Self.names).map { "; did you mean \"SIG\($0)\"?" } ?? ""
            throw SettingProblem("expected \(Self.expectation), got \(value.shortDescription)\(hint)", at: value)
        }
        spec.request.StopSignal = "SIG" + name
    }
}
