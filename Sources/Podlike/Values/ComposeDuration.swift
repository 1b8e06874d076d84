import PodlikeYAML

/// Compose durations: `1m30s`, `1.5s`, `500ms`, `1h`, `10us`, or plain seconds.
/// Parsed to nanoseconds, the API's unit.
public enum ComposeDuration {
    public static let expectation = "a duration like \"1m30s\", \"1.5s\", \"500ms\" or a number of seconds"

    public static func nanoseconds(_ text: String) -> Int64? {
        let raw = text.trimmingWhitespace
        guard !raw.isEmpty else { return nil }
        if let seconds = Double(raw) {
            guard seconds >= 0, seconds.isFinite else { return nil }
            return Int64((seconds * 1e9).rounded())
        }
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
        var rest = Substring(raw)
        var total: Double = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard !digits.isEmpty, let value = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unitText = rest.prefix { !$0.isNumber && $0 != "." }
            guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.1
        }
        guard total < Double(Int64.max) else { return nil }
        return Int64(total.rounded())
    }

    public static func nanoseconds(_ node: Node) throws(SettingProblem) -> Int64 {
        guard let value = nanoseconds(try node.text(expected: expectation)) else {
            throw .expected(expectation, got: node)
        }
        return value
    }
}
