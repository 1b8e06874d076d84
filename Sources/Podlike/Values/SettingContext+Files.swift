#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PodlikeYAML

extension SettingContext {
    /// A path written in a setting, resolved against `baseDirectory` unless absolute.
    public func resolvedPath(_ written: String) -> String {
        if written.hasPrefix("/") { return written }
        return baseDirectory.hasSuffix("/") ? baseDirectory + written : baseDirectory + "/" + written
    }

    /// The text of a file that a setting names (an `env_file`, a seccomp profile).
    /// `what` names the file in the error, which points at `node`.
    public func readTextFile(_ written: String, what: String, at node: Node) throws(SettingProblem) -> String {
        let path = resolvedPath(written)
        guard FileManager.default.fileExists(atPath: path) else {
            throw SettingProblem("\(what) \"\(written)\" not found: there is no file at \(path)", at: node)
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SettingProblem("\(what) \"\(written)\" can't be read as UTF-8 text from \(path)", at: node)
        }
        guard !text.utf8.contains(0) else {
            throw SettingProblem("\(what) \"\(written)\" holds a NUL character, which can't be passed to the engine; remove it from \(path)", at: node)
        }
        return text
    }
}
