import ArgumentParser
import Podlike

/// The placeholder controller's limits for `podlike render`, and the kind of host:
/// they decide each component's share where the pod's limits are divided.
struct PodLimitOptions: ParsableArguments {
    @Option(name: [.customLong("pod-memory"), .customLong("memory-limit")],
            help: "The controller's (the service's) memory limit, as a byte size like 512m.")
    var memory: String?

    @Option(name: [.customLong("pod-cpus"), .customLong("cpus")], help: "The controller's (the service's) CPU limit, like 1.5.")
    var cpus: String?

    @Option(help: "The service's memory reservation, as a byte size like 256m; components that reserve more get a warning.")
    var podMemoryReservation: String?

    @Option(help: "How the pod's limits hold: nested (cgroup v1 with the cgroupfs driver: components nest under the controller's cgroup) or distributed (cgroup v2 or the systemd driver: the limits are divided among the components). v1 and v2 name them too.")
    var cgroupMode: CgroupLimitMode = .nested

    func context(options: PodOptions) throws -> PodContext {
        PodContext.placeholder(
            options: options, limits: cgroupMode,
            memoryLimit: try memory.map { try Self.bytes($0, flag: "--pod-memory") },
            nanoCpus: try cpus.map(Self.nanoCpus),
            memoryReservation: try podMemoryReservation.map { try Self.bytes($0, flag: "--pod-memory-reservation") })
    }

    private static func bytes(_ text: String, flag: String) throws -> Int64 {
        guard let bytes = ByteSize.parse(text), bytes > 0 else {
            throw ValidationError("\(flag): expected a byte size like 512m, got \"\(text)\"")
        }
        return bytes
    }

    private static func nanoCpus(_ text: String) throws -> Int64 {
        // Checked before converting: nan, inf and huge values would trap.
        guard let cpus = Double(text), cpus.isFinite, cpus >= 0.01, cpus <= 1_000_000 else {
            throw ValidationError("--pod-cpus: expected a number of CPUs from 0.01 to 1000000, like 1.5, got \"\(text)\"")
        }
        return Int64((cpus * 1e9).rounded())
    }
}

extension CgroupLimitMode: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "nested", "v1": self = .nested
        case "distributed", "v2": self = .distributed
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["nested", "distributed"] }
}
