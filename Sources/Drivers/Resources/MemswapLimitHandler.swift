import Podlike
import PodlikeYAML

/// `memswap_limit: 1g` → `HostConfig.MemorySwap` in bytes: memory plus swap, so
/// it must be at least `mem_limit` (the engine checks). `-1` allows unlimited swap.
struct MemswapLimitHandler: SettingHandler {
    static let expectation = #"a byte size like "1g" (memory plus swap), or -1 for unlimited swap"#

    let descriptor = SettingDescriptor(
        key: "memswap_limit",
        summary: "memory plus swap, as a byte size, or -1 for unlimited swap",
        examples: [
            SettingExample("{mem_limit: 512m, memswap_limit: 1g}", .request(#"{"HostConfig": {"MemorySwap": 1073741824}}"#)),
            SettingExample("{mem_limit: 64m, memswap_limit: 64m}", .request(#"{"HostConfig": {"MemorySwap": 67108864}}"#)),
            SettingExample("memswap_limit: -1", .request(#"{"HostConfig": {"MemorySwap": -1}}"#)),
            SettingExample("memswap_limit: -2g", .error(#"expected a byte size like "1g" (memory plus swap), or -1 for unlimited swap, got "-2g""#)),
            SettingExample("memswap_limit: unlimited", .error(#"got "unlimited""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let text = try value.nonEmptyText(expected: Self.expectation)
        if text == "-1" {
            spec.request.HostConfig.MemorySwap = -1
            return
        }
        guard let bytes = ByteSize.parse(text) else { throw SettingProblem.expected(Self.expectation, got: value) }
        spec.request.HostConfig.MemorySwap = bytes
    }
}
