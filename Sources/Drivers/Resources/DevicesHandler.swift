import Podlike
import PodlikeYAML

/// `devices: ["/dev/ttyUSB0", "/dev/sda:/dev/xvda:r"]`, each `src[:dst[:perms]]`
/// → `HostConfig.Devices` as `{PathOnHost, PathInContainer, CgroupPermissions}`.
/// The container path defaults to the host path and the permissions to `rwm`;
/// `src:perms` is accepted too, as `docker run --device` does.
struct DevicesHandler: SettingHandler {
    static let expectation = #"a device like "/dev/ttyUSB0" or "/dev/sda:/dev/xvda:r""#

    let descriptor = SettingDescriptor(
        key: "devices",
        summary: "host devices to map into the component, as src[:dst[:perms]]",
        examples: [
            SettingExample(
                "devices: [/dev/ttyUSB0]",
                .request(#"{"HostConfig": {"Devices": [{"PathOnHost": "/dev/ttyUSB0", "PathInContainer": "/dev/ttyUSB0", "CgroupPermissions": "rwm"}]}}"#)),
            SettingExample(
                "devices: ['/dev/sda:/dev/xvda:r', '/dev/fuse:/dev/fuse']",
                .request(#"{"HostConfig": {"Devices": [{"PathOnHost": "/dev/sda", "PathInContainer": "/dev/xvda", "CgroupPermissions": "r"}, {"PathOnHost": "/dev/fuse", "PathInContainer": "/dev/fuse", "CgroupPermissions": "rwm"}]}}"#)),
            SettingExample(
                "devices: ['/dev/snd:rw']",
                .request(#"{"HostConfig": {"Devices": [{"PathOnHost": "/dev/snd", "PathInContainer": "/dev/snd", "CgroupPermissions": "rw"}]}}"#)),
            SettingExample("devices: ['/dev/sda:/dev/xvda:rx']", .error(#"expected permissions made of r, w and m, like "rw", got "rx""#)),
            SettingExample("devices: ['/dev/sda:xvda']", .error(#"expected an absolute path inside the container like "/dev/xvda", got "xvda""#)),
            SettingExample("devices: [ttyUSB0]", .error(#"expected a device like "/dev/ttyUSB0" or "/dev/sda:/dev/xvda:r", got "ttyUSB0""#)),
            SettingExample("devices: /dev/ttyUSB0", .error(#"expected a list of devices like "/dev/ttyUSB0" or "/dev/sda:/dev/xvda:r", got "/dev/ttyUSB0""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        guard case .sequence(let items) = value else {
            throw SettingProblem.expected(#"a list of devices like "/dev/ttyUSB0" or "/dev/sda:/dev/xvda:r""#, got: value)
        }
        spec.request.HostConfig.Devices = try items.map(device)
    }

    private func device(_ node: Node) throws(SettingProblem) -> DeviceMapping {
        let parts = try node.nonEmptyText(expected: Self.expectation)
            .split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 3, let source = parts.first, source.hasPrefix("/") else {
            throw SettingProblem.expected(Self.expectation, got: node)
        }
        var target = source
        var permissions = "rwm"
        switch parts.count {
        case 3:
            target = parts[1]
            permissions = parts[2]
        case 2 where DeviceAccess.isValid(parts[1]):
            permissions = parts[1]
        case 2:
            target = parts[1]
        default:
            break
        }
        guard target.hasPrefix("/") else {
            throw SettingProblem(#"expected an absolute path inside the container like "/dev/xvda", got "\#(target)""#, at: node)
        }
        guard DeviceAccess.isValid(permissions) else {
            throw SettingProblem(#"expected permissions made of r, w and m, like "rw", got "\#(permissions)""#, at: node)
        }
        return DeviceMapping(PathOnHost: source, PathInContainer: target, CgroupPermissions: permissions)
    }
}
