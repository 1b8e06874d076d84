/// "Did you mean" hints for a misspelt key or value, such as a setting, a signal
/// or a capability name: the one implementation every message uses.
public enum Suggestion {
    /// Words longer than this get no hint: no key or name is that long, and the
    /// distance to each candidate would cost time for nothing.
    static let longestWord = 64

    /// The candidate nearest to `word`, when it is only a few edits away; among
    /// equally near ones, the first in `candidates`.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        guard word.count <= longestWord else { return nil }
        let allowed = max(2, word.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where abs(candidate.count - word.count) <= allowed {
            let distance = EditDistance.between(word, candidate)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `; did you mean "SIGTERM"?`, or an empty string when no candidate is close.
    public static func hint(for word: String, in candidates: [String]) -> String {
        nearest(to: word, in: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
    }
}

/// Levenshtein distance: insertions, deletions and substitutions.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
