import Podlike
import PodlikeYAML

/// `privileged: true` → `HostConfig.Privileged`: every capability and every host
/// device. The pod's namespaces stay shared either way.
struct PrivilegedHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "privileged",
        summary: "whether the component runs privileged, with every capability and host device",
        examples: [
            SettingExample("privileged: true", .request(#"{"HostConfig": {"Privileged": true}}"#)),
            SettingExample("privileged: false", .request(#"{"HostConfig": {"Privileged": false}}"#)),
            SettingExample("privileged: root", .error(#"expected true or false, got "root""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.Privileged = try value.boolValue()
    }
}
