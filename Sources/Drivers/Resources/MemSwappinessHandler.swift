import Podlike
import PodlikeYAML

/// `mem_swappiness: 0` → `HostConfig.MemorySwappiness`, from 0 (avoid swapping
/// the component's anonymous pages) to 100 (swap them freely); -1 is the engine's
/// own "unset", passed on as it is.
struct MemSwappinessHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "mem_swappiness",
        summary: "how readily the kernel swaps the component's memory, 0 to 100",
        examples: [
            SettingExample("mem_swappiness: 0", .request(#"{"HostConfig": {"MemorySwappiness": 0}}"#)),
            SettingExample("mem_swappiness: 60", .request(#"{"HostConfig": {"MemorySwappiness": 60}}"#)),
            SettingExample("mem_swappiness: -1", .request(#"{"HostConfig": {"MemorySwappiness": -1}}"#)),
            SettingExample("mem_swappiness: 101", .error("expected a swappiness from -1 to 100, got 101")),
            SettingExample("mem_swappiness: -2", .error("expected a swappiness from -1 to 100, got -2")),
            SettingExample("mem_swappiness: low", .error(#"expected a swappiness, got "low""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.MemorySwappiness = Int(try value.integer(expected: "a swappiness", in: -1...100))
    }
}
