import PodlikeYAML

/// Compose durations: `1m30s`, `1.5s`, `500ms`, `1h`, `10us`, or plain seconds.
/// Parsed to nanoseconds, the API's unit.
public enum ComposeDuration {
    public static let expectation = "a duration like \"1m30s\", \"1.5s\", \"500ms\" or a number of seconds"

    /// The longest duration the Engine API carries: 64-bit nanoseconds, about 292 years.
    public static let maximumHours: Int64 = Int64.max / 3_600_000_000_000
    public static let range = "from 0 to \(maximumHours)h, the most the Engine API's 64-bit nanoseconds hold"

    enum Parsed: Equatable {
        case nanoseconds(Int64)
        case malformed
        case outOfRange
    }

    /// Nil when the text is not a duration, or longer than the API can carry.
    public static func nanoseconds(_ text: String) -> Int64? {
        guard case .nanoseconds(let value) = parse(text) else { return nil }
        return value
    }

    /// Checks the range in floating point before any conversion to an integer.
    static func parse(_ text: String) -> Parsed {
        let raw = text.trimmingWhitespace
        guard !raw.isEmpty else { return .malformed }
        if let seconds = Double(raw) {
            guard seconds >= 0, !seconds.isNaN else { return .malformed }
            return checked(seconds * 1e9)
        }
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
        var rest = Substring(raw)
        var total: Double = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard !digits.isEmpty, let value = Double(digits) else { return .malformed }
            rest = rest.dropFirst(digits.count)
            let unitText = rest.prefix { !$0.isNumber && $0 != "." }
            guard let unit = units.first(where: { $0.0 == unitText }) else { return .malformed }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.1
        }
        return checked(total)
    }

    private static func checked(_ nanoseconds: Double) -> Parsed {
        // 2^63 is exactly representable; anything from it up does not fit Int64.
        guard nanoseconds.isFinite, nanoseconds.rounded() < 9_223_372_036_854_775_808.0 else { return .outOfRange }
        return .nanoseconds(Int64(nanoseconds.rounded()))
    }

    public static func nanoseconds(_ node: Node) throws(SettingProblem) -> Int64 {
        let text = try node.text(expected: expectation)
        switch parse(text) {
        case .nanoseconds(let value): return value
        case .malformed: throw .expected(expectation, got: node)
        case .outOfRange: throw outOfRange(text, at: node)
        }
    }

    static func outOfRange(_ text: String, at node: Node) -> SettingProblem {
        SettingProblem("\"\(text.trimmingWhitespace)\" is out of range: a duration goes \(range)", at: node)
    }
}
