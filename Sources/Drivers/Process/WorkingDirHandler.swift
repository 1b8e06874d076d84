import Podlike
import PodlikeYAML

/// `working_dir: /app` → `WorkingDir`. It must be absolute: a relative one would
/// depend on the image's own working directory.
struct WorkingDirHandler: SettingHandler {
    static let expectation = #"an absolute path like "/app""#

    let descriptor = SettingDescriptor(
        key: "working_dir",
        summary: "the absolute directory the component's process starts in",
        examples: [
            SettingExample("working_dir: /app", .request(#"{"WorkingDir": "/app"}"#)),
            SettingExample("working_dir: /srv/my app", .request(#"{"WorkingDir": "/srv/my app"}"#)),
            SettingExample("working_dir: app", .error(#"expected an absolute path like "/app", got "app""#)),
            SettingExample("working_dir: ''", .error(#"expected an absolute path like "/app", got an empty value"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let directory = try value.nonEmptyText(expected: Self.expectation)
        guard directory.hasPrefix("/") else { throw SettingProblem.expected(Self.expectation, got: value) }
        spec.request.WorkingDir = directory
    }
}
