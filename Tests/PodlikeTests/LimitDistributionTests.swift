import Drivers
import Podlike
import Testing

/// The pod's limits on hosts where components can't nest under the controller's
/// cgroup: explicit limits kept, the rest divided, the sum never above the pod's.
struct LimitDistributionTests {
    static let mib: Int64 = 1 << 20
    static let cpu: Int64 = 1_000_000_000

    /// Plans labels (`NAME: yaml`, and `init: [yaml]`) against a controller with these limits.
    func plan(
        _ components: [String: String], inits: [String] = [], mode: CgroupLimitMode = .distributed,
        memory: Int64? = nil, cpus: Int64? = nil, reservation: Int64? = nil
    ) throws -> PodPlan {
        var labels = Dictionary(uniqueKeysWithValues: components.map { ("pod.container.\($0.key)", $0.value) })
        if !inits.isEmpty {
            labels["pod.init.components"] = inits.map { "- " + $0.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n")
        }
        let registry = try BuiltinSettings.registry()
        let driver = ComponentDriver(registry: registry, context: SettingContext(baseDirectory: "/", processEnvironment: [:]))
        let pod = PodContext.placeholder(limits: mode, memoryLimit: memory, nanoCpus: cpus, memoryReservation: reservation)
        return try driver.applying(pod, to: PodPlanner(driver: driver).plan(labels: labels) { _ in "" })
    }

    func host(_ plan: PodPlan, _ name: String) throws -> HostConfig {
        try #require(plan.components.first { $0.name == name }).spec.request.HostConfig
    }

    func failure(_ body: () throws -> PodPlan) -> String {
        do {
            _ = try body()
            Issue.record("expected the pod to be refused")
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test("nested (cgroup v1, cgroupfs): the kernel holds the pod, so nothing is divided")
    func nested() throws {
        let plan = try plan(["a": "image: a", "b": "image: b"], mode: .nested, memory: 512 * Self.mib, cpus: 2 * Self.cpu)
        #expect(try host(plan, "a").Memory == nil)
        #expect(try host(plan, "a").NanoCpus == nil)
        #expect(try host(plan, "a").CgroupParent == "/docker/" + String(repeating: "0", count: 64))
    }

    @Test("without a limit on the controller there is nothing to divide")
    func unlimited() throws {
        let plan = try plan(["a": "image: a", "b": "image: b"])
        #expect(try host(plan, "a").Memory == nil)
        #expect(try host(plan, "b").NanoCpus == nil)
    }

    @Test("components without limits share the pod's equally")
    func equal() throws {
        let plan = try plan(["a": "image: a", "b": "image: b"], memory: 1024 * Self.mib, cpus: 2 * Self.cpu)
        for name in ["a", "b"] {
            #expect(try host(plan, name).Memory == 512 * Self.mib)
            #expect(try host(plan, name).NanoCpus == Self.cpu)
        }
    }

    @Test("a component's own limits are kept, and the rest is split among the others")
    func explicitKept() throws {
        let plan = try plan(
            ["app": "image: app\nmem_limit: 256m\ncpus: 0.5", "b": "image: b", "c": "image: c"],
            memory: 1024 * Self.mib, cpus: 2 * Self.cpu)
        #expect(try host(plan, "app").Memory == 256 * Self.mib)
        #expect(try host(plan, "app").NanoCpus == Self.cpu / 2)
        #expect(try host(plan, "b").Memory == 384 * Self.mib)
        #expect(try host(plan, "c").NanoCpus == 750_000_000)
    }

    @Test("the rest is split by mem_reservation and by cpu_shares")
    func weighted() throws {
        let plan = try plan(
            ["a": "image: a\nmem_reservation: 100m\ncpu_shares: 2048", "b": "image: b\nmem_reservation: 300m"],
            memory: 1024 * Self.mib, cpus: 3 * Self.cpu)
        #expect(try host(plan, "a").Memory == 256 * Self.mib)
        #expect(try host(plan, "b").Memory == 768 * Self.mib)
        #expect(try host(plan, "a").NanoCpus == 2 * Self.cpu)
        #expect(try host(plan, "b").NanoCpus == Self.cpu)
    }

    @Test("a component without a reservation weighs as an average one, and none gets less than it reserved")
    func reservationIsFloor() throws {
        let plan = try plan(["a": "image: a\nmem_reservation: 900m", "b": "image: b"], memory: 1024 * Self.mib)
        #expect(try host(plan, "a").Memory == 900 * Self.mib)
        #expect(try host(plan, "b").Memory == 124 * Self.mib)
    }

    @Test("a CPU period of a component's own gets a quota instead of NanoCpus, which the engine refuses beside it")
    func period() throws {
        let plan = try plan(["a": "image: a\ncpu_period: 50000", "b": "image: b"], cpus: 1 * Self.cpu)
        #expect(try host(plan, "a").CpuQuota == 25000)
        #expect(try host(plan, "a").NanoCpus == nil)
        #expect(try host(plan, "b").NanoCpus == Self.cpu / 2)
    }

    @Test("explicit limits adding up to more than the pod are refused, naming the components, keys, lines and sums")
    func overcommitted() {
        let message = failure {
            try plan(["a": "image: a\nmem_limit: 768m", "b": "image: b\ndeploy: {resources: {limits: {memory: 512m}}}", "c": "image: c"],
                     memory: 1024 * Self.mib)
        }
        #expect(message.contains("the components' own memory limits add up to 1.25 GiB, more than the pod's 1 GiB"), "\(message)")
        #expect(message.contains(#""a" 768 MiB (mem_limit, line 2)"#), "\(message)")
        #expect(message.contains(#""b" 512 MiB (deploy, line 2)"#), "\(message)")
        #expect(message.contains("deploy.resources.limits.memory"))
    }

    @Test("one component asking for more CPU than the pod has is refused, not capped")
    func oneTooMany() {
        let message = failure { try plan(["a": "image: a\ncpus: 3"], cpus: 2 * Self.cpu) }
        #expect(message.contains("the components' own CPU limits add up to 3 CPUs, more than the pod's 2 CPUs"), "\(message)")
    }

    @Test("too little left for the others is refused: the engine's minimum, and their reservations")
    func nothingLeft() {
        let memory = failure { try plan(["a": "image: a\nmem_limit: 1020m", "b": "image: b"], memory: 1024 * Self.mib) }
        #expect(memory.contains(#"4 MiB of the pod's 1 GiB of memory is left for "b", which need at least 6 MiB"#), "\(memory)")
        let reserved = failure {
            try plan(["a": "image: a\nmem_reservation: 700m", "b": "image: b\nmem_reservation: 400m"], memory: 1024 * Self.mib)
        }
        #expect(reserved.contains("which need at least 1.07 GiB (their mem_reservation"), "\(reserved)")
    }

    @Test("init components run alone: each gets the whole pod unless it asked for less, and none is counted with the others")
    func initComponents() throws {
        let planned = try plan(
            ["a": "image: a\nmem_limit: 1g"], inits: ["image: setup", "image: small\nmem_limit: 64m"], memory: 1024 * Self.mib)
        #expect(try host(planned, "init-1").Memory == 1024 * Self.mib)
        #expect(try host(planned, "init-2").Memory == 64 * Self.mib)
        #expect(try host(planned, "a").Memory == 1024 * Self.mib)
        let message = failure { try plan(["a": "image: a"], inits: ["image: setup\nmem_limit: 2g"], memory: 1024 * Self.mib) }
        #expect(message.contains(#"component "init-1", key "mem_limit" (line 2): a memory limit of 2 GiB is more than the pod's 1 GiB"#), "\(message)")
    }

    @Test("the shares never add up to more than the pod's limit", arguments: 1...40)
    func neverMore(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed))
        let count = 1 + Int(random.next() % 12)
        var components: [String: String] = [:]
        for index in 0..<count {
            var yaml = "image: c"
            switch random.next() % 4 {
            case 0: yaml += "\nmem_reservation: \(6 + random.next() % 35)m"
            case 1: yaml += "\nmem_limit: \(6 + random.next() % 30)m"
            default: break
            }
            if random.next() % 3 == 0 { yaml += "\ncpu_shares: \(2 + random.next() % 4000)" }
            components["c\(index)"] = yaml
        }
        let memory = Int64(600 + random.next() % 2000) * Self.mib + Int64(random.next() % 4096)
        let cpus = Int64(1 + random.next() % 16) * Self.cpu / 4
        let plan = try plan(components, memory: memory, cpus: cpus)
        let hosts = plan.components.map(\.spec.request.HostConfig)
        #expect(hosts.allSatisfy { $0.Memory != nil && $0.NanoCpus != nil })
        #expect(hosts.reduce(0) { $0 + $1.Memory! } <= memory)
        #expect(hosts.reduce(0) { $0 + $1.NanoCpus! } <= cpus)
        for host in hosts { #expect(host.Memory! >= (host.MemoryReservation ?? 0)) }
    }

    @Test("components that reserve more memory than the service are warned about, with the setting to use")
    func reservations() throws {
        let warned = try plan(["a": "image: a\nmem_reservation: 200m", "b": "image: b\nmem_reservation: 100m"], mode: .nested, reservation: 128 * Self.mib)
        #expect(warned.warnings.contains {
            $0.contains("the components reserve 300 MiB of memory, but the service reserves only 128 MiB")
                && $0.contains("deploy.resources.reservations.memory: 300M")
        }, "\(warned.warnings)")
        let enough = try plan(["a": "image: a\nmem_reservation: 200m"], inits: ["image: i\nmem_reservation: 250m"], reservation: 256 * Self.mib)
        #expect(enough.warnings.isEmpty)
        let none = try plan(["a": "image: a\nmem_reservation: 1g"], mode: .nested)
        #expect(none.warnings.contains { $0.contains("but the service reserves no memory") })
    }
}

/// A small deterministic generator, so a failing case can be run again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
