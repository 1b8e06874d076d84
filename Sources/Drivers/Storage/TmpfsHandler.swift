import Podlike
import Yams

/// `tmpfs: /run` or `tmpfs: ["/run:size=64m,mode=1777", /tmp]`, each
/// `path[:options]` → `HostConfig.Tmpfs` as `{path: options}`; the options are the
/// tmpfs mount options, comma-separated.
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
            SettingExample("tmpfs: {/run: size=64m}", .error("got a mapping")),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws {
        let items: [Node]
        switch value {
        case .scalar: items = [value]
        case .sequence(let sequence): items = Array(sequence)
        default: throw SettingProblem.expected("\(Self.expectation), or a list of them", got: value)
        }
        var mounts: [String: String] = [:]
        for item in items {
            let text = try item.nonEmptyText(expected: Self.expectation)
            let path = String(text.prefix { $0 != ":" })
            let options = String(text.dropFirst(path.count + 1))
            guard path.hasPrefix("/") else { throw SettingProblem.expected(Self.expectation, got: item) }
            guard options.isEmpty || Self.isOptionList(options) else {
                throw SettingProblem(#"expected mount options separated by single commas like "size=64m,noexec", got "\#(options)""#, at: item)
            }
            guard mounts[path] == nil else { throw SettingProblem("\"\(path)\" is listed twice; mount one tmpfs per path", at: item) }
            mounts[path] = options
        }
        spec.request.HostConfig.Tmpfs = mounts
    }

    /// `size=64m,noexec`: no empty options and no spaces. The kernel checks the rest.
    private static func isOptionList(_ options: String) -> Bool {
        !options.contains(where: \.isWhitespace) && !options.split(separator: ",", omittingEmptySubsequences: false).contains("")
    }
}
