import Podlike
import PodlikeYAML

/// `group_add: [audio, 1001]` → `HostConfig.GroupAdd`: supplementary groups, by
/// name or id, for the component's process.
struct GroupAddHandler: SettingHandler {
    static let expectation = #"a group name or id like "audio" or 1001"#

    let descriptor = SettingDescriptor(
        key: "group_add",
        summary: "supplementary groups, by name or id, for the component's process",
        examples: [
            SettingExample("group_add: [audio, video]", .request(#"{"HostConfig": {"GroupAdd": ["audio", "video"]}}"#)),
            SettingExample("group_add: [1001, docker]", .request(#"{"HostConfig": {"GroupAdd": ["1001", "docker"]}}"#)),
            SettingExample("group_add: audio", .error(#"expected a list of groups like [audio, 1001], got "audio""#)),
            SettingExample("group_add: [audio, '']", .error(#"expected a group name or id like "audio" or 1001, got an empty value"#)),
            SettingExample("group_add: [audio, audio]", .error(#"group "audio" is listed twice; remove one"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        guard case .sequence(let items) = value else {
            throw SettingProblem.expected("a list of groups like [audio, 1001]", got: value)
        }
        var groups: [String] = []
        for item in items {
            let group = try item.nonEmptyText(expected: Self.expectation)
            guard !group.contains(where: \.isWhitespace) else { throw SettingProblem.expected(Self.expectation, got: item) }
            guard !groups.contains(group) else {
                throw SettingProblem("group \(item.shortDescription) is listed twice; remove one", at: item)
            }
            groups.append(group)
        }
        spec.request.HostConfig.GroupAdd = groups
    }
}
