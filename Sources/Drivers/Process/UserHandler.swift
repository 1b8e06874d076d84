import Podlike
import PodlikeYAML

/// `user: 1000:1000` → `User`: a user name or id, optionally with a group name or
/// id after a colon.
struct UserHandler: SettingHandler {
    static let expectation = #"a user like "nginx", "1000" or "1000:1000""#

    let descriptor = SettingDescriptor(
        key: "user",
        summary: "the user (and optionally the group) the component's process runs as",
        examples: [
            SettingExample("user: nginx", .request(#"{"User": "nginx"}"#)),
            SettingExample("user: 1000", .request(#"{"User": "1000"}"#)),
            SettingExample("user: '1000:1000'", .request(#"{"User": "1000:1000"}"#)),
            SettingExample("user: www-data:www-data", .request(#"{"User": "www-data:www-data"}"#)),
            SettingExample("user: ''", .error(#"expected a user like "nginx", "1000" or "1000:1000", got an empty value"#)),
            SettingExample("user: 'app user'", .error(#"got "app user""#)),
            SettingExample("user: '1000:'", .error(#"got "1000:""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let user = try value.nonEmptyText(expected: Self.expectation)
        let parts = user.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }), !user.contains(where: \.isWhitespace) else {
            throw SettingProblem.expected(Self.expectation, got: value)
        }
        spec.request.User = user
    }
}
