import Podlike
import PodlikeYAML

/// `image: nginx:1.25` → `Image`. Every component needs one.
struct ImageHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "image",
        summary: "the image the component runs, pulled when missing",
        examples: [
            SettingExample("image: nginx:1.25", .request(#"{"Image": "nginx:1.25"}"#)),
            SettingExample("image: registry.local:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                           .request(#"{"Image": "registry.local:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}"#)),
            SettingExample("image: localhost/my_app__v2:1.0-rc.1", .request(#"{"Image": "localhost/my_app__v2:1.0-rc.1"}"#)),
            SettingExample("image: '[::1]:5000/app:latest'", .request(#"{"Image": "[::1]:5000/app:latest"}"#)),
            SettingExample("image: Registry.Example.com/team/app", .request(#"{"Image": "Registry.Example.com/team/app"}"#)),
            SettingExample("image: UPPER/Case:@@", .error(#"the digest "@" is not algorithm:hex, like "sha256:" and 64 hex digits; an image reference looks like "nginx:1.25""#)),
            SettingExample("image: UPPER/Case", .error(#"repository names must be lowercase: write "upper/case""#)),
            SettingExample("image: app@sha256:abc", .error(#"the digest "sha256:abc" is not algorithm:hex"#)),
            SettingExample("image: team//app", .error(#""" is not a valid name part"#)),
            SettingExample("image: 'nginx:-1'", .error(#"the tag "-1" is not valid"#)),
            SettingExample("image: ''", .error(#"expected an image reference like "nginx:1.25""#)),
            SettingExample("image: [nginx]", .error("got a list")),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let image = try value.nonEmptyText(expected: #"an image reference like "nginx:1.25""#)
        guard !image.contains(where: \.isWhitespace) else {
            throw SettingProblem.expected(#"an image reference like "nginx:1.25", without spaces"#, got: value)
        }
        if let problem = ImageReference.problem(in: image) {
            throw SettingProblem("\(problem); an image reference looks like \"nginx:1.25\" or \"registry.example.com:5000/team/app:2.1\"", at: value)
        }
        spec.request.Image = image
    }
}
