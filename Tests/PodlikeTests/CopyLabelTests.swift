import Podlike
import Testing

struct CopyLabelTests {
    func copies(_ value: String) -> Result<[CopyInstruction], PodValidationFailure> {
        PodLabels.parse(["pod.container.app": "image: x", "pod.copy.app": value]) { _ in "" }
            .map { $0.copies["app"] ?? [] }
    }

    @Test("pod.copy accepts src:dst, a list of them, or a src: dst mapping", arguments: [
        ("/run/secrets/cfg:/etc/app/cfg", [CopyInstruction(source: "/run/secrets/cfg", destination: "/etc/app/cfg")]),
        ("- /a:/b\n- /c:/d", [CopyInstruction(source: "/a", destination: "/b"), CopyInstruction(source: "/c", destination: "/d")]),
        ("/a: /b\n/c: /d/", [CopyInstruction(source: "/a", destination: "/b"), CopyInstruction(source: "/c", destination: "/d/")]),
    ])
    func forms(_ value: String, _ expected: [CopyInstruction]) throws {
        #expect(try copies(value).get() == expected)
    }

    @Test("pod.copy rejects an empty side, a missing colon and a relative destination", arguments: [
        ("/a:", "both sides"),
        (":/b", "both sides"),
        ("/only-a-path", "without a colon"),
        ("/a:relative/b", "must be an absolute path"),
    ])
    func invalid(_ value: String, _ message: String) throws {
        let failure = try #require(copies(value).failure)
        #expect(failure.description.contains(message), "\(failure)")
        #expect(failure.description.contains("component \"app\""))
    }

    @Test("pod.copy for a name that is not a component is an error listing the components")
    func unknownComponent() throws {
        let result = PodLabels.parse(["pod.container.app": "image: x", "pod.copy.web": "/a:/b"]) { _ in "" }
        let failure = try #require(result.failure)
        #expect(failure.description.contains("\"web\" is not a component"))
        #expect(failure.description.contains("\"app\""))
    }
}
