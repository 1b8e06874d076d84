@testable import Podlike
import Testing

struct SuggestionTests {
    @Test("a near miss gets the nearest candidate; the first of equally near ones")
    func nearest() {
        #expect(Suggestion.nearest(to: "mem_limt", in: ["mem_limit", "memswap_limit"]) == "mem_limit")
        #expect(Suggestion.nearest(to: "SIGTRM", in: ["SIGTERM", "SIGHUP"]) == "SIGTERM")
        #expect(Suggestion.nearest(to: "ab", in: ["ac", "ad"]) == "ac")
        #expect(Suggestion.nearest(to: "entirely-different", in: ["image", "command"]) == nil)
    }

    @Test("a word longer than any key gets no hint, and costs nothing to look up")
    func longWords() {
        let huge = String(repeating: "x", count: 1_000_000)
        #expect(Suggestion.nearest(to: huge, in: ["image", "command", "environment"]) == nil)
        #expect(Suggestion.hint(for: String(repeating: "y", count: Suggestion.longestWord + 1), in: ["y"]) == "")
    }
}
