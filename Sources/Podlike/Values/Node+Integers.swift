import PodlikeYAML

extension Node {
    /// A whole number that `isAllowed` accepts, for limits with an open end or a
    /// special value such as -1. `expected` states the rule, since it is the
    /// whole message: `expected a number of processes, or -1 for no limit, got "-5"`.
    public func integer(expected: String, where isAllowed: (Int64) -> Bool) throws(SettingProblem) -> Int64 {
        let value = try integer(expected: expected)
        guard isAllowed(value) else { throw .expected(expected, got: self) }
        return value
    }
}
