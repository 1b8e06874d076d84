import Podlike
import PodlikeYAML

/// `entrypoint` → `Entrypoint`, replacing the image's ENTRYPOINT. A string is split
/// into words the way `sh` splits them; a list is used as written. `""` or `[]`
/// resets the image's entrypoint, which the API spells `[""]`.
struct EntrypointHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "entrypoint",
        summary: "the entrypoint, replacing the image's; a shell-quoted string, a list, or \"\" to reset it",
        examples: [
            SettingExample("entrypoint: /docker-entrypoint.sh --verbose", .request(#"{"Entrypoint": ["/docker-entrypoint.sh", "--verbose"]}"#)),
            SettingExample(#"entrypoint: ["/bin/sh", "-c"]"#, .request(#"{"Entrypoint": ["/bin/sh", "-c"]}"#)),
            SettingExample("entrypoint: [tini, --, sleep, 30]", .request(#"{"Entrypoint": ["tini", "--", "sleep", "30"]}"#)),
            SettingExample(#"entrypoint: """#, .request(#"{"Entrypoint": [""]}"#)),
            SettingExample("entrypoint: []", .request(#"{"Entrypoint": [""]}"#)),
            SettingExample(#"entrypoint: /bin/sh -c 'exec app"#, .error("unmatched quote or trailing backslash in \"/bin/sh -c 'exec app\"; close the quote")),
            SettingExample("entrypoint:", .error(#"or "" to reset the image's entrypoint, got an empty value"#)),
            SettingExample("entrypoint: {shell: /bin/sh}", .error("got a mapping")),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let words = try CommandWords.parse(
            value, expected: #"an entrypoint like "/docker-entrypoint.sh", a list like [/bin/sh, -c], or "" to reset the image's entrypoint"#)
        spec.request.Entrypoint = words.isEmpty ? [""] : words
    }
}
