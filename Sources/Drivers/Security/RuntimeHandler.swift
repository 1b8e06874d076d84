import Podlike
import PodlikeYAML

/// `runtime: runsc` → `HostConfig.Runtime`: an OCI runtime registered with the
/// engine (`docker info` lists them), instead of its default.
struct RuntimeHandler: SettingHandler {
    static let expectation = #"the name of a runtime registered with the engine, like "runc" or "nvidia""#

    let descriptor = SettingDescriptor(
        key: "runtime",
        summary: "the OCI runtime the engine runs the component with, such as runsc or nvidia",
        examples: [
            SettingExample("runtime: runsc", .request(#"{"HostConfig": {"Runtime": "runsc"}}"#)),
            SettingExample("runtime: io.containerd.runc.v2", .request(#"{"HostConfig": {"Runtime": "io.containerd.runc.v2"}}"#)),
            SettingExample("runtime: ''", .error(#"expected the name of a runtime registered with the engine, like "runc" or "nvidia", got an empty value"#)),
            SettingExample("runtime: /usr/bin/runsc --debug", .error(#"got "/usr/bin/runsc --debug""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let runtime = try value.nonEmptyText(expected: Self.expectation)
        guard !runtime.contains(where: \.isWhitespace) else { throw SettingProblem.expected(Self.expectation, got: value) }
        spec.request.HostConfig.Runtime = runtime
    }
}
