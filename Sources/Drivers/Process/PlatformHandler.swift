import Podlike
import PodlikeYAML

/// `platform: linux/arm64/v8` → `lifecycle.platform`, which the controller passes
/// to image pulls and to the create call: `os[/arch[/variant]]`.
struct PlatformHandler: SettingHandler {
    static let expectation = #"a platform like "linux/amd64" or "linux/arm64/v8""#
    static let operatingSystems = ["linux", "windows"]

    let descriptor = SettingDescriptor(
        key: "platform",
        summary: "the platform of the image to pull and run, as os[/arch[/variant]]",
        examples: [
            SettingExample("platform: linux/amd64", .lifecycle(#"{"platform": "linux/amd64"}"#)),
            SettingExample("platform: linux/arm64/v8", .lifecycle(#"{"platform": "linux/arm64/v8"}"#)),
            SettingExample("platform: linux", .lifecycle(#"{"platform": "linux"}"#)),
            SettingExample("platform: amd64", .error(#"expected a platform like "linux/amd64" or "linux/arm64/v8", got "amd64"; it starts with the operating system, "linux" or "windows""#)),
            SettingExample("platform: linux//v7", .error(#"got "linux//v7""#)),
            SettingExample("platform: linux/arm/v7/extra", .error(#"got "linux/arm/v7/extra""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let platform = try value.nonEmptyText(expected: Self.expectation)
        let parts = platform.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            throw SettingProblem.expected(Self.expectation, got: value)
        }
        guard let system = parts.first, Self.operatingSystems.contains(system.lowercased()) else {
            throw SettingProblem(
                #"expected \#(Self.expectation), got \#(value.shortDescription); it starts with the operating system, "linux" or "windows""#,
                at: value)
        }
        spec.lifecycle.platform = platform
    }
}
