/// A component may not ask for more memory than the whole pod has.
public struct MemoryCap: PodSettingHandler {
    public let name = "memory cap"
    public let summary = "caps a component's mem_limit at the controller's memory limit, with a warning"

    public let examples = [
        PodHandlerExample("a 1 GiB controller", pod: .example { $0.memoryLimit = 1 << 30 }, settings: "mem_limit: 2g",
                          .warning("capped at 1073741824", request: #"{"HostConfig": {"Memory": 1073741824}}"#)),
        PodHandlerExample("a 1 GiB controller", pod: .example { $0.memoryLimit = 1 << 30 }, settings: "mem_limit: 512m",
                          .request(#"{"HostConfig": {"Memory": 536870912}}"#)),
        PodHandlerExample("a controller with no limit", settings: "mem_limit: 2g", .request(#"{"HostConfig": {"Memory": 2147483648}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        guard let podLimit = pod.memoryLimit, podLimit > 0,
              let memory = spec.request.HostConfig.Memory, memory > podLimit
        else { return }
        spec.request.HostConfig.Memory = podLimit
        spec.warnings.append("mem_limit \(memory) bytes is more than the controller's limit of \(podLimit) bytes; capped at \(podLimit)")
        if let swap = spec.request.HostConfig.MemorySwap, swap > 0, swap < podLimit {
            spec.request.HostConfig.MemorySwap = podLimit
        }
    }
}
