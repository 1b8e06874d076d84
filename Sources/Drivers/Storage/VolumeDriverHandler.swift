import Podlike
import PodlikeYAML

/// `volume_driver: local` → `HostConfig.VolumeDriver`, the driver for the named
/// and anonymous volumes of this component's `volumes`.
struct VolumeDriverHandler: SettingHandler {
    static let expectation = #"a volume driver name like "local""#

    let descriptor = SettingDescriptor(
        key: "volume_driver",
        summary: "the volume driver for the component's named and anonymous volumes",
        examples: [
            SettingExample("volume_driver: local", .request(#"{"HostConfig": {"VolumeDriver": "local"}}"#)),
            SettingExample("volume_driver: rexray/ebs", .request(#"{"HostConfig": {"VolumeDriver": "rexray/ebs"}}"#)),
            SettingExample("volume_driver: ''", .error(#"expected a volume driver name like "local", got an empty value"#)),
            SettingExample("volume_driver: [local]", .error(#"expected a volume driver name like "local", got a list"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let driver = try value.nonEmptyText(expected: Self.expectation)
        guard !driver.contains(where: \.isWhitespace) else { throw SettingProblem.expected(Self.expectation, got: value) }
        spec.request.HostConfig.VolumeDriver = driver
    }
}
