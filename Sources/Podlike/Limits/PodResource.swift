/// One kind of limit that the pod's components share: how a component asks for
/// it, how it is weighted when it didn't, and how a share is written back.
struct PodResource: Sendable {
    /// "memory" or "CPU", for messages.
    var name: String
    /// The keys that set an explicit limit, in the order to name them.
    var keys: [String]
    /// The least the engine takes for a limit.
    var minimum: Int64
    /// Shares are rounded down to this.
    var unit: Int64
    var format: @Sendable (Int64) -> String
    /// The pod's own limit, from the controller.
    var podLimit: @Sendable (PodContext) -> Int64?
    /// A component's own limit.
    var explicit: @Sendable (HostConfig) -> Int64?
    /// A component's weight, when it gave one; for memory also the least it gets.
    var weight: @Sendable (HostConfig) -> Int64?
    var weightIsFloor: Bool
    /// The weight of a component that gave none, from the weights the others gave.
    var defaultWeight: @Sendable ([Int64]) -> Int64
    var assign: @Sendable (inout HostConfig, Int64) -> Void
    /// What to change on the service instead.
    var serviceSetting: String

    static let memory = PodResource(
        name: "memory", keys: ["mem_limit", "deploy"], minimum: 6 << 20, unit: 4096,
        format: ResourceFormat.bytes,
        podLimit: { $0.memoryLimit },
        explicit: { host in host.Memory.flatMap { $0 > 0 ? $0 : nil } },
        weight: { host in host.MemoryReservation.flatMap { $0 > 0 ? $0 : nil } },
        weightIsFloor: true,
        // A component without a reservation weighs as much as an average one.
        defaultWeight: { given in given.isEmpty ? 1 : given.reduce(0, +) / Int64(given.count) },
        assign: { host, share in
            // memswap_limit counts memory and swap together, so it can't be below the limit.
            if let swap = host.MemorySwap, swap > 0, swap < share { host.Memory = swap } else { host.Memory = share }
        },
        serviceSetting: "deploy.resources.limits.memory")

    static let cpu = PodResource(
        name: "CPU", keys: ["cpus", "cpu_quota", "deploy"], minimum: 10_000_000, unit: 1_000_000,
        format: ResourceFormat.cpus,
        podLimit: { pod in
            pod.nanoCpus ?? pod.cpuQuota.map { quota in nanoCpus(quota: quota, period: pod.cpuPeriod) }
        },
        explicit: { host in
            host.NanoCpus.flatMap { $0 > 0 ? $0 : nil }
                ?? host.CpuQuota.flatMap { $0 > 0 ? nanoCpus(quota: $0, period: host.CpuPeriod) : nil }
        },
        weight: { host in host.CpuShares.map(Int64.init) },
        weightIsFloor: false,
        // The engine's own default CPU weight.
        defaultWeight: { _ in 1024 },
        assign: { host, share in
            // The engine refuses NanoCpus next to a CPU period; write a quota for that period instead.
            if let period = host.CpuPeriod, period > 0 {
                host.CpuQuota = max(1000, share * period / 1_000_000_000)
            } else {
                host.NanoCpus = share
            }
        },
        serviceSetting: "deploy.resources.limits.cpus")

    /// A CFS quota in microseconds per period as billionths of a CPU.
    static func nanoCpus(quota: Int64, period: Int64?) -> Int64 {
        let period = period.flatMap { $0 > 0 ? $0 : nil } ?? 100_000
        // Saturates rather than trapping: no host has more CPUs than this anyway.
        return Int64(min((Double(quota) / Double(period) * 1e9).rounded(), 1e18))
    }
}
