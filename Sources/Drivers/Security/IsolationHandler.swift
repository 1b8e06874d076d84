import Podlike
import PodlikeYAML

/// `isolation` → `HostConfig.Isolation`: `default`, `process` or `hyperv`. Only
/// Windows engines offer the last two, so they come with a warning.
struct IsolationHandler: SettingHandler {
    static let modes = ["default", "process", "hyperv"]
    static let expectation = #""default", "process" or "hyperv""#

    let descriptor = SettingDescriptor(
        key: "isolation",
        summary: "the isolation technology: default, or process or hyperv on Windows engines",
        examples: [
            SettingExample("isolation: default", .request(#"{"HostConfig": {"Isolation": "default"}}"#)),
            SettingExample("isolation: hyperv", .warning(#"isolation "hyperv" works only on Windows engines; a Linux engine refuses to create the component"#, request: #"{"HostConfig": {"Isolation": "hyperv"}}"#)),
            SettingExample("isolation: Process", .warning(#"isolation "process" works only on Windows engines"#, request: #"{"HostConfig": {"Isolation": "process"}}"#)),
            SettingExample("isolation: hyper-v", .error(#"expected "default", "process" or "hyperv", got "hyper-v"; did you mean "hyperv"?"#)),
            SettingExample("isolation: vm", .error(#"expected "default", "process" or "hyperv", got "vm""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let mode = try value.nonEmptyText(expected: Self.expectation).lowercased()
        guard Self.modes.contains(mode) else {
            throw SettingProblem(
                "expected \(Self.expectation), got \(value.shortDescription)" + Suggestion.hint(for: mode, in: Self.modes),
                at: value)
        }
        if mode != "default" {
            spec.warnings.append("isolation \"\(mode)\" works only on Windows engines; a Linux engine refuses to create the component")
        }
        spec.request.HostConfig.Isolation = mode
    }
}
