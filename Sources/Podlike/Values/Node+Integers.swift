import PodlikeYAML

extension Node {
    /// A whole number that `isAllowed` accepts, for limits with an open end or a
    /// special value such as -1. `expected` states the rule, since it is the
    /// whole message: `expected a number of processes, or -1 for no limit, got "-5"`.
    public func integer(expected: String, where isAllowed: (Int64) -> Bool) throws(SettingProblem) -> Int64 {
        if case .scalar(let scalar) = self, scalar.string.trimmingWhitespace.isWholeNumber, Int64(scalar.string.trimmingWhitespace) == nil {
            throw SettingProblem("expected \(expected); \(scalar.string.trimmingWhitespace) is out of range, past the 64-bit integers the Engine API takes (at most \(Int64.max))", at: self)
        }
        let value = try integer(expected: expected)
        guard isAllowed(value) else { throw .expected(expected, got: self) }
        return value
    }
}
