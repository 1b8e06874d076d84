import Podlike

/// How the engine orders a component's memory settings: the reservation is at
/// most the limit, and the swap limit (memory plus swap) needs a limit and is at
/// least it.
struct MemoryOrderCheck: SettingCheck {
    let descriptor = CheckDescriptor(
        name: "memory order",
        summary: "mem_reservation ≤ mem_limit ≤ memswap_limit, and memswap_limit only with mem_limit",
        examples: [
            SettingExample("{image: app, mem_limit: 64m, mem_reservation: 32m, memswap_limit: 128m}", .request(#"{"HostConfig": {"Memory": 67108864, "MemoryReservation": 33554432, "MemorySwap": 134217728}}"#)),
            SettingExample("{image: app, mem_limit: 64m, memswap_limit: -1}", .request(#"{"HostConfig": {"MemorySwap": -1}}"#)),
            SettingExample("{image: app, mem_limit: 64m, mem_reservation: 128m}", .error("mem_reservation (128 MiB) is above mem_limit (64 MiB)")),
            SettingExample("{image: app, mem_limit: 128m, memswap_limit: 64m}", .error("memswap_limit (64 MiB) is below mem_limit (128 MiB)")),
            SettingExample("{image: app, memswap_limit: 64m}", .error("memswap_limit needs mem_limit")),
        ])

    func problem(in spec: ComponentSpec) -> CheckProblem? {
        let host = spec.request.HostConfig
        let limit = host.Memory.flatMap { $0 > 0 ? $0 : nil }
        if let limit, let reservation = host.MemoryReservation, reservation > limit {
            return CheckProblem(key: spec.writtenKey("mem_reservation", "deploy"), """
                mem_reservation (\(ResourceFormat.bytes(reservation))) is above mem_limit (\(ResourceFormat.bytes(limit))), \
                which the engine refuses; lower mem_reservation or raise mem_limit
                """)
        }
        guard let swap = host.MemorySwap, swap > 0 else { return nil }
        guard let limit else {
            return CheckProblem(key: "memswap_limit", """
                memswap_limit needs mem_limit too: it is memory plus swap, and the engine refuses it alone; \
                add mem_limit, or remove memswap_limit
                """)
        }
        guard swap >= limit else {
            return CheckProblem(key: "memswap_limit", """
                memswap_limit (\(ResourceFormat.bytes(swap))) is below mem_limit (\(ResourceFormat.bytes(limit))): \
                it counts memory plus swap, so write at least the memory limit, or -1 for unlimited swap
                """)
        }
        return nil
    }
}
