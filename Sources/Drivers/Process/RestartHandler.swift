import Podlike
import PodlikeYAML

/// `restart` → `lifecycle.restart`: `no` (the default: the component's exit ends
/// the pod), `always`, `unless-stopped`, `on-failure` or `on-failure:N`. Unquoted
/// `no` reads as YAML's false, which means the same. The controller restarts
/// components itself, so no `HostConfig.RestartPolicy` is set: every component is
/// created with AutoRemove.
struct RestartHandler: SettingHandler {
    static let expectation = #""no", "always", "unless-stopped", "on-failure" or "on-failure:N""#
    static let onFailurePrefix = "on-failure:"

    let descriptor = SettingDescriptor(
        key: "restart",
        summary: "what happens when the component exits: no (the pod ends), always, unless-stopped, on-failure[:N]",
        examples: [
            SettingExample("restart: no", .lifecycle(#"{"restart": {"no": {}}}"#)),
            SettingExample("restart: 'no'", .lifecycle(#"{"restart": {"no": {}}}"#)),
            SettingExample("restart: always", .lifecycle(#"{"restart": {"always": {}}}"#)),
            SettingExample("restart: unless-stopped", .lifecycle(#"{"restart": {"unlessStopped": {}}}"#)),
            SettingExample("restart: on-failure", .lifecycle(#"{"restart": {"onFailure": {}}}"#)),
            SettingExample("restart: on-failure:3", .lifecycle(#"{"restart": {"onFailure": {"maxRetries": 3}}}"#)),
            SettingExample("restart: {on-failure: 3}", .error(#"expected "on-failure:N" without a space after the colon, like "on-failure:3", got a mapping"#)),
            SettingExample("restart: on-failure:many", .error(#"expected a retry count after "on-failure:", like "on-failure:3", got "on-failure:many""#)),
            SettingExample("restart: sometimes", .error(#"expected "no", "always", "unless-stopped", "on-failure" or "on-failure:N", got "sometimes""#)),
            SettingExample("restart: yes", .error(#"got "yes"; did you mean "always"?"#)),
            SettingExample("restart: unless_stopped", .error(#"got "unless_stopped"; did you mean "unless-stopped"?"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        // `on-failure: 3`, with a space, reads as a mapping.
        if case .mapping(let mapping) = value, mapping.count == 1, mapping.keys.first?.string == "on-failure" {
            throw SettingProblem(#"expected "on-failure:N" without a space after the colon, like "on-failure:3", got a mapping"#, at: value)
        }
        let written = try value.nonEmptyText(expected: Self.expectation)
        if value.bool == false {
            spec.lifecycle.restart = .no
            return
        }
        switch written {
        case "no": spec.lifecycle.restart = .no
        case "always": spec.lifecycle.restart = .always
        case "unless-stopped": spec.lifecycle.restart = .unlessStopped
        case "on-failure": spec.lifecycle.restart = .onFailure(maxRetries: nil)
        case _ where written.hasPrefix(Self.onFailurePrefix):
            guard let count = Int(written.dropFirst(Self.onFailurePrefix.count)), count >= 0 else {
                throw SettingProblem.expected(#"a retry count after "on-failure:", like "on-failure:3""#, got: value)
            }
            // As in Docker, 0 retries means no limit.
            spec.lifecycle.restart = .onFailure(maxRetries: count == 0 ? nil : count)
        default:
            let hint = value.bool == true
                ? #"; did you mean "always"?"#
                : Suggestion.hint(for: written, in: ["no", "always", "unless-stopped", "on-failure"])
            throw SettingProblem("expected \(Self.expectation), got \(value.shortDescription)\(hint)", at: value)
        }
    }
}
