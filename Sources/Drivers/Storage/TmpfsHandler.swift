import Podlike
import PodlikeYAML

/// `tmpfs: /run` or `tmpfs: ["/run:size=64m,mode=1777", /tmp]`, each
/// `path[:options]`, or the mapping `{/run: size=64m}` that the original podlike
/// took → `HostConfig.Tmpfs` as `{path: options}`; the options are the tmpfs mount
/// options, comma-separated.
struct TmpfsHandler: SettingHandler {
    static let expectation = #"an absolute path with optional mount options like "/run:size=64m,mode=1777""#

    let descriptor = SettingDescriptor(
        key: "tmpfs",
        summary: "in-memory file systems mounted at absolute paths, with optional mount options",
        examples: [
            SettingExample("tmpfs: /run", .request(#"{"HostConfig": {"Tmpfs": {"/run": ""}}}"#)),
            SettingExample(
                "tmpfs: ['/run:size=64m,mode=1777', /tmp]",
                .request(#"{"HostConfig": {"Tmpfs": {"/run": "size=64m,mode=1777", "/tmp": ""}}}"#)),
            SettingExample("tmpfs: run", .error(#"expected an absolute path with optional mount options like "/run:size=64m,mode=1777", got "run""#)),
            SettingExample("tmpfs: ['/run:size=64m,,noexec']", .error(#"expected mount options separated by single commas like "size=64m,noexec", got "size=64m,,noexec""#)),
            SettingExample("tmpfs: [/run, '/run:size=1m']", .error(#""/run" is listed twice"#)),
            SettingExample("tmpfs: {/run: size=1m, /tmp: ''}", .request(#"{"HostConfig": {"Tmpfs": {"/run": "size=1m", "/tmp": ""}}}"#)),
            SettingExample("tmpfs: {/cache: }", .request(#"{"HostConfig": {"Tmpfs": {"/cache": ""}}}"#)),
            SettingExample("tmpfs: {run: size=1m}", .error(#"expected an absolute path, got "run""#)),
            SettingExample("tmpfs: {/run: [size=1m]}", .error(#"expected mount options like "size=64m,mode=1777", got a list"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        // Each entry: the node to blame, the path, and its options.
        var entries: [(node: Node, path: String, options: String)] = []
        switch value {
        case .scalar:
            entries = [try Self.entry(value)]
        case .sequence(let sequence):
            entries = try sequence.map(Self.entry)
        case .mapping(let mapping):
            for (key, options) in mapping {
                let path = try key.nonEmptyText(expected: "an absolute path")
                guard path.hasPrefix("/") else { throw SettingProblem.expected("an absolute path", got: key) }
                let text = options.isNull ? "" : try options.text(expected: #"mount options like "size=64m,mode=1777""#)
                entries.append((options, path, text))
            }
        }
        var mounts: [String: String] = [:]
        for (node, path, options) in entries {
            guard options.isEmpty || Self.isOptionList(options) else {
                throw SettingProblem(#"expected mount options separated by single commas like "size=64m,noexec", got "\#(options)""#, at: node)
            }
            guard mounts[path] == nil else { throw SettingProblem("\"\(path)\" is listed twice; mount one tmpfs per path", at: node) }
            mounts[path] = options
        }
        spec.request.HostConfig.Tmpfs = mounts
    }

    /// `/run:size=64m` → the path and its options.
    private static func entry(_ item: Node) throws(SettingProblem) -> (node: Node, path: String, options: String) {
        let text = try item.nonEmptyText(expected: expectation)
        let path = String(text.prefix { $0 != ":" })
        guard path.hasPrefix("/") else { throw SettingProblem.expected(expectation, got: item) }
        return (item, path, String(text.dropFirst(path.count + 1)))
    }

    /// `size=64m,noexec`: no empty options and no spaces. The kernel checks the rest.
    private static func isOptionList(_ options: String) -> Bool {
        !options.contains(where: \.isWhitespace) && !options.split(separator: ",", omittingEmptySubsequences: false).contains("")
    }
}
