import Podlike

/// The engine's smallest memory limit and reservation: 6 MiB. Below it, the
/// create call fails ("Minimum memory limit allowed is 6MB").
struct MemoryMinimumCheck: SettingCheck {
    static let minimum: Int64 = 6 * 1024 * 1024

    let descriptor = CheckDescriptor(
        name: "memory minimum",
        summary: "mem_limit and mem_reservation are at least 6 MiB, the engine's minimum",
        examples: [
            SettingExample("{image: app, mem_limit: 6m, mem_reservation: 6m}", .request(#"{"HostConfig": {"Memory": 6291456, "MemoryReservation": 6291456}}"#)),
            SettingExample("{image: app, mem_limit: 1m}", .error(#"the engine takes no memory limit below 6 MiB, and mem_limit is 1 MiB; write at least mem_limit: 6m"#)),
            SettingExample("{image: app, mem_limit: 16}", .error("mem_limit is 16 bytes")),
            SettingExample("{image: app, mem_reservation: 1b}", .error("and mem_reservation is 1 byte; write at least mem_reservation: 6m")),
            SettingExample("{image: app, deploy: {resources: {limits: {memory: 4m}}}}", .error("and deploy is 4 MiB")),
        ])

    func problem(in spec: ComponentSpec) -> CheckProblem? {
        let host = spec.request.HostConfig
        for (value, key) in [(host.Memory, spec.writtenKey("mem_limit", "deploy")),
                             (host.MemoryReservation, spec.writtenKey("mem_reservation", "deploy"))] {
            guard let value, value > 0, value < Self.minimum else { continue }
            let setting = key == "deploy" ? "mem_limit" : key
            return CheckProblem(key: key, """
                the engine takes no memory limit below 6 MiB, and \(key) is \(ResourceFormat.bytes(value)); \
                write at least \(setting): 6m
                """)
        }
        return nil
    }
}
