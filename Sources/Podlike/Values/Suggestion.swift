/// "Did you mean" hints for a misspelt value, such as a signal or a capability name.
public enum Suggestion {
    /// The candidate nearest to `word`, when it is only a few edits away.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(word, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    /// `; did you mean "SIGTERM"?`, or an empty string when no candidate is close.
    public static func hint(for word: String, in candidates: [String]) -> String {
        nearest(to: word, in: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
    }
}
