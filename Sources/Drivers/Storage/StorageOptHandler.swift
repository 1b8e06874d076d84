import Podlike
import PodlikeYAML

/// `storage_opt: {size: 20G}` → `HostConfig.StorageOpt`, options for the storage
/// driver's writable layer; values are passed as text.
struct StorageOptHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "storage_opt",
        summary: "storage driver options for the writable layer, like {size: 20G}",
        examples: [
            SettingExample("storage_opt: {size: 20G}", .request(#"{"HostConfig": {"StorageOpt": {"size": "20G"}}}"#)),
            SettingExample("storage_opt: {size: 1073741824}", .request(#"{"HostConfig": {"StorageOpt": {"size": "1073741824"}}}"#)),
            SettingExample("storage_opt: [size=20G]", .error("expected a mapping like {size: 20G}, got a list")),
            SettingExample("storage_opt: {size: }", .error("expected a value like 20G, got an empty value")),
            SettingExample("storage_opt: {size: {max: 20G}}", .error("expected a value like 20G, got a mapping")),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        var options: [String: String] = [:]
        for pair in try value.pairs(expected: "a mapping like {size: 20G}") {
            options[pair.key] = try pair.value.nonEmptyText(expected: "a value like 20G")
        }
        spec.request.HostConfig.StorageOpt = options
    }
}
