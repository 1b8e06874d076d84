import PodlikeYAML

extension ComposeDuration {
    public static let microsecondsExpectation = "a number of microseconds like 950000 or a duration like \"950ms\""

    /// Realtime CPU times: a whole number counts microseconds, as the kernel does;
    /// a duration with a unit (`950ms`, `1s`) is converted to microseconds.
    public static func microseconds(_ node: Node) throws(SettingProblem) -> Int64 {
        let text = try node.text(expected: microsecondsExpectation).trimmingWhitespace
        if let microseconds = Int64(text), microseconds >= 0 { return microseconds }
        // A bare number with a fraction has no unit to say what it counts.
        guard Double(text) == nil else { throw .expected(microsecondsExpectation, got: node) }
        switch parse(text) {
        case .nanoseconds(let nanoseconds): return nanoseconds / 1000
        case .malformed: throw .expected(microsecondsExpectation, got: node)
        case .outOfRange: throw outOfRange(text, at: node)
        }
    }
}
