import Podlike
import PodlikeYAML

/// `image: nginx:1.25` → `Image`. Every component needs one.
struct ImageHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "image",
        summary: "the image the component runs, pulled when missing",
        examples: [
            SettingExample("image: nginx:1.25", .request(#"{"Image": "nginx:1.25"}"#)),
            SettingExample("image: registry.local:5000/team/app@sha256:abc", .request(#"{"Image": "registry.local:5000/team/app@sha256:abc"}"#)),
            SettingExample("image: ''", .error(#"expected an image reference like "nginx:1.25""#)),
            SettingExample("image: [nginx]", .error("got a list")),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws {
        let image = try value.nonEmptyText(expected: #"an image reference like "nginx:1.25""#)
        guard !image.contains(where: \.isWhitespace) else {
            throw SettingProblem.expected(#"an image reference like "nginx:1.25", without spaces"#, got: value)
        }
        spec.request.Image = image
    }
}
