import Podlike
import PodlikeYAML

/// `command` → `Cmd`, replacing the image's CMD. A string is split into words the
/// way `sh` splits them (quotes and backslashes, no expansion); a list is used as
/// written, with numbers kept as their text.
struct CommandHandler: SettingHandler {
    static let expectation = #"a command like "nginx -g 'daemon off;'" or a list like [sleep, "10"]"#

    let descriptor = SettingDescriptor(
        key: "command",
        summary: "the command the component runs, replacing the image's CMD; a shell-quoted string or a list",
        examples: [
            SettingExample(#"command: nginx -g 'daemon off;'"#, .request(#"{"Cmd": ["nginx", "-g", "daemon off;"]}"#)),
            SettingExample(#"command: sh -c "echo \"ready\" && exec sleep infinity""#, .request(#"{"Cmd": ["sh", "-c", "echo \"ready\" && exec sleep infinity"]}"#)),
            SettingExample("command: [sleep, 10]", .request(#"{"Cmd": ["sleep", "10"]}"#)),
            SettingExample("command: [redis-server, --appendonly, yes, --port, 6380]", .request(#"{"Cmd": ["redis-server", "--appendonly", "yes", "--port", "6380"]}"#)),
            SettingExample(#"command: sh -c 'echo hello"#, .error("unmatched quote or trailing backslash in \"sh -c 'echo hello\"; close the quote, or write the command as a list")),
            SettingExample("command: ''", .error(#"expected a command like "nginx -g 'daemon off;'" or a list like [sleep, "10"], got an empty value"#)),
            SettingExample("command: {run: server}", .error("got a mapping")),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let words = try CommandWords.parse(value, expected: Self.expectation)
        // An empty Cmd would quietly keep the image's CMD, which is not what "" or [] says.
        guard !words.isEmpty else {
            throw SettingProblem.expected(Self.expectation, got: value)
        }
        spec.request.Cmd = words
    }
}
