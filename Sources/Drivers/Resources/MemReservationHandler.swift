import Podlike
import PodlikeYAML

/// `mem_reservation: 256m` → `HostConfig.MemoryReservation` in bytes: the soft
/// limit the kernel reclaims down to when the host runs short of memory.
struct MemReservationHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "mem_reservation",
        summary: "the soft memory limit, as a byte size below mem_limit",
        examples: [
            SettingExample("mem_reservation: 256m", .request(#"{"HostConfig": {"MemoryReservation": 268435456}}"#)),
            SettingExample("mem_reservation: 1.5g", .request(#"{"HostConfig": {"MemoryReservation": 1610612736}}"#)),
            SettingExample("mem_reservation: 134217728", .request(#"{"HostConfig": {"MemoryReservation": 134217728}}"#)),
            SettingExample("mem_reservation: 256 MB", .error(#"expected a byte size like "512m", "1.5g" or a number of bytes, got "256 MB""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.MemoryReservation = try ByteSize.parse(value)
    }
}
