import Podlike
import PodlikeYAML

/// `labels` as a mapping or a `key=value` list → `Labels`, merged with any labels
/// already set. Numbers and booleans keep their text; a key without a value gets
/// an empty one. Keys under `io.podlike.` belong to the pod and are refused.
struct LabelsHandler: SettingHandler {
    static let reservedPrefix = "io.podlike."

    let descriptor = SettingDescriptor(
        key: "labels",
        summary: "container labels, as a mapping or a list of key=value; io.podlike.* is reserved for the pod",
        examples: [
            SettingExample("labels: {com.example.team: payments, com.example.tier: 2, com.example.public: false}",
                           .request(#"{"Labels": {"com.example.team": "payments", "com.example.tier": "2", "com.example.public": "false"}}"#)),
            SettingExample("labels: [com.example.team=payments, 'com.example.query=a=b', com.example.flag]",
                           .request(#"{"Labels": {"com.example.team": "payments", "com.example.query": "a=b", "com.example.flag": ""}}"#)),
            SettingExample("labels: {io.podlike.component: sidecar}", .error(#"label "io.podlike.component" is reserved: the pod sets io.podlike.* labels itself; choose another prefix, such as "com.example.""#)),
            SettingExample("labels: [io.podlike.pod=mine]", .error(#"label "io.podlike.pod" is reserved"#)),
            SettingExample("labels: [=payments]", .error(#""=payments" has no name before "=""#)),
            SettingExample("labels: {'': payments}", .error("a name can't be empty")),
            SettingExample("labels: team=payments", .error(#"expected a mapping like {com.example.team: payments} or a list of "KEY=value", got "team=payments""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let entries = try KeyValueList.parse(value, example: "{com.example.team: payments}")
        // parse keeps one entry per key or item, in order, so they pair up with the nodes.
        let nodes: [Node] = switch value {
        case .mapping(let mapping): Array(mapping.keys)
        case .sequence(let items): Array(items)
        default: []
        }
        var labels = spec.request.Labels ?? [:]
        for (entry, node) in zip(entries, nodes) {
            guard !entry.key.hasPrefix(Self.reservedPrefix) else {
                throw SettingProblem(
                    "label \"\(entry.key)\" is reserved: the pod sets io.podlike.* labels itself; "
                        + #"choose another prefix, such as "com.example.""#,
                    at: node)
            }
            labels[entry.key] = entry.value ?? ""
        }
        spec.request.Labels = labels
    }
}
