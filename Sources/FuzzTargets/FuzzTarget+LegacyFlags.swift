import Podlike
import PodlikeFlags

extension FuzzTarget {
    /// The Go original's flag spellings rewritten into ours; NUL separates the
    /// arguments.
    public static let legacyFlags = FuzzTarget(
        name: "legacy-flags", summary: "the rewriter of the Go original's flag spellings (-pids=false, -logs)"
    ) { bytes in
        let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        do {
            return try LegacyFlagSpelling.normalize(arguments).joined(separator: " ")
        } catch {
            return "\(error)"
        }
    }
}
