import PodlikeYAML

/// Amounts written the same way in a top-level key and in `deploy.resources`.
public enum ResourceAmount {
    private static let cpusExpectation = "a number of CPUs like 0.5 or \"1.5\", from 0.01 to 1000000, or 0 for no limit"
    /// More CPUs than any host has; well inside what `NanoCpus` holds.
    static let maximumCpus = 1_000_000.0
    private static let pidsExpectation = "a number of processes like 100, or -1 for no limit"

    /// `cpus: 1.5` as the API's `NanoCpus`: billionths of a CPU.
    public static func nanoCpus(_ node: Node) throws(SettingProblem) -> Int64 {
        let cpus = try node.number(expected: cpusExpectation)
        let nanoCpus = (cpus * 1e9).rounded()
        guard cpus >= 0, cpus <= maximumCpus, nanoCpus < Double(Int64.max) else { throw .expected(cpusExpectation, got: node) }
        // The kernel's smallest CFS quota is 1 ms in the engine's 100 ms period.
        guard cpus == 0 || cpus >= 0.01 else {
            throw SettingProblem("\(node.shortDescription) CPUs is below the smallest CPU limit the kernel takes, 0.01 (1 ms in every 100 ms); write at least 0.01, or 0 for no limit", at: node)
        }
        return Int64(nanoCpus)
    }

    /// A PIDs limit; -1 (or 0) leaves the number of processes unlimited.
    public static func pidsLimit(_ node: Node) throws(SettingProblem) -> Int64 {
        try node.integer(expected: pidsExpectation) { $0 >= -1 }
    }
}
