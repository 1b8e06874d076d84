#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PodlikeYAML

/// Paths on the engine's host, as settings write them: absolute, `~/…` (the
/// controller's `HOME`), or relative to the component's base directory.
public enum HostPath {
    /// Whether a volume's source is a host path rather than a volume name, as
    /// Compose decides: a path starts with `/`, `.` or `~`.
    public static func isPath(_ source: String) -> Bool {
        source.hasPrefix("/") || source.hasPrefix(".") || source.hasPrefix("~")
    }

    /// The absolute path: `~` expanded, relative paths resolved against
    /// `context.baseDirectory`. Absolute paths are kept as written.
    public static func resolve(_ path: String, context: SettingContext, at node: Node) throws(SettingProblem) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~") {
            guard path == "~" || path.hasPrefix("~/") else {
                throw SettingProblem("expected \"~\" or \"~/path\" (the controller's HOME), got \"\(path)\"; write another user's home in full", at: node)
            }
            guard let home = context.processEnvironment["HOME"], home.hasPrefix("/") else {
                throw SettingProblem("\"\(path)\" needs the controller's HOME, which is not set; write the host path in full", at: node)
            }
            return normalized(home + path.dropFirst())
        }
        var base = context.baseDirectory
        if !base.hasPrefix("/") { base = FileManager.default.currentDirectoryPath + "/" + base }
        return normalized(base + "/" + path)
    }

    /// `/a/./b/../c/` → `/a/c`, without touching the file system.
    static func normalized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") where component != "." {
            if component == ".." {
                _ = components.popLast()
            } else {
                components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
