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
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw SettingProblem("\(what) \"\(written)\" \(error.isMissing ? "not found" : "can't be read"): \(error)", at: node)
        }
        guard !text.utf8.contains(0) else {
            throw SettingProblem("\(what) \"\(written)\" holds a NUL character, which can't be passed to the engine; remove it from \(path)", at: node)
        }
        return text
    }
}
