import Podlike
import PodlikeYAML

/// `pull_policy` (from the Compose spec) → `lifecycle.pullPolicy`: `always`,
/// `missing` (or its alias `if_not_present`), or `never`. `build` is refused: a pod
/// runs images, it can't build them.
struct PullPolicyHandler: SettingHandler {
    static let expectation = #""always", "missing" or "never""#

    let descriptor = SettingDescriptor(
        key: "pull_policy",
        summary: "when the component's image is pulled: always, missing (the default) or never",
        examples: [
            SettingExample("pull_policy: always", .lifecycle(#"{"pullPolicy": "always"}"#)),
            SettingExample("pull_policy: missing", .lifecycle(#"{"pullPolicy": "missing"}"#)),
            SettingExample("pull_policy: if_not_present", .lifecycle(#"{"pullPolicy": "missing"}"#)),
            SettingExample("pull_policy: never", .lifecycle(#"{"pullPolicy": "never"}"#)),
            SettingExample("pull_policy: build", .error(#"a pod can't build images; build and push the image first, then use "always", "missing" or "never""#)),
            SettingExample("pull_policy: allways", .error(#"expected "always", "missing" or "never", got "allways"; did you mean "always"?"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let written = try value.nonEmptyText(expected: Self.expectation)
        if written == "build" {
            throw SettingProblem("a pod can't build images; build and push the image first, then use \(Self.expectation)", at: value)
        }
        if written == "if_not_present" {
            spec.lifecycle.pullPolicy = .missing
            return
        }
        guard let policy = PullPolicy(rawValue: written) else {
            let hint = Suggestion.hint(for: written, in: PullPolicy.allCases.map(\.rawValue))
            throw SettingProblem("expected \(Self.expectation), got \(value.shortDescription)\(hint)", at: value)
        }
        spec.lifecycle.pullPolicy = policy
    }
}
