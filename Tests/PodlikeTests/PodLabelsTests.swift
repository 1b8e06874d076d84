import Podlike
import Testing

struct PodLabelsTests {
    func parse(_ labels: [String: String], files: [String: String] = [:]) -> Result<PodDefinition, PodValidationFailure> {
        PodLabels.parse(labels) { path in
            guard let text = files[path] else { throw MissingFile(path: path) }
            return text
        }
    }

    struct MissingFile: Error, CustomStringConvertible {
        var path: String
        var description: String { "no such file" }
    }

    @Test("pod.container and pod.component both define components, sorted by name")
    func bothSpellings() throws {
        let pod = try parse([
            "pod.container.web": "image: nginx",
            "pod.component.app": "image: app",
            "com.example.other": "ignored",
        ]).get()
        #expect(pod.components.map(\.name) == ["app", "web"])
        #expect(pod.initComponents.isEmpty)
    }

    @Test("one name defined both ways is an error naming both labels")
    func sameNameBothWays() throws {
        let failure = try #require(parse([
            "pod.container.app": "image: a",
            "pod.component.app": "image: b",
        ]).failure)
        #expect(failure.errors.count == 1)
        #expect(failure.description.contains("pod.container.app"))
        #expect(failure.description.contains("pod.component.app"))
    }

    @Test("pod.init.components keeps its order and names them init-1, init-2")
    func initComponents() throws {
        let pod = try parse([
            "pod.init.components": "- image: second/first\n- image: first/second\n",
            "pod.container.app": "image: app",
        ]).get()
        #expect(pod.initComponents.map(\.name) == ["init-1", "init-2"])
        #expect(pod.initComponents.allSatisfy { $0.isInit })
        #expect(pod.all.map(\.name) == ["init-1", "init-2", "app"])
    }

    @Test("pod.init.components must be a list")
    func initComponentsNotAList() throws {
        let failure = try #require(parse(["pod.init.components": "image: x"]).failure)
        #expect(failure.description.contains("expected a YAML list"))
    }

    @Test("labels that define no component are an error")
    func noComponents() throws {
        let failure = try #require(parse(["com.example": "x"]).failure)
        #expect(failure.description.contains("no components defined"))
    }

    @Test("a YAML syntax error names the label")
    func yamlSyntaxError() throws {
        let failure = try #require(parse(["pod.container.app": "image: [nginx"]).failure)
        #expect(failure.description.contains("pod.container.app"))
        #expect(failure.description.contains("not valid YAML"))
    }

    @Test("component names must be safe for container names", arguments: ["-app", "my app", "app/x", ""])
    func badNames(_ name: String) throws {
        let failure = try #require(parse(["pod.container.\(name)": "image: x"]).failure)
        #expect(failure.description.contains("[a-zA-Z0-9][a-zA-Z0-9_.-]*"))
    }

    @Test("pod.compose.file services become components, read through the controller's file system")
    func composeFile() throws {
        let pod = try parse(
            ["pod.compose.file": "/etc/pod/compose.yml"],
            files: ["/etc/pod/compose.yml": "version: '2.4'\nservices:\n  web:\n    image: nginx\n    ports: ['80:80']\n  app:\n    image: app\n"]
        ).get()
        #expect(pod.components.map(\.name) == ["app", "web"])
        #expect(pod.components.allSatisfy { $0.skipsUnsupportedKeys })
    }

    @Test("the compose file's path may end with a newline, as a YAML block leaves it")
    func composeFileTrimmed() throws {
        let pod = try parse(
            ["pod.compose.file": "/etc/pod/compose.yml\n"],
            files: ["/etc/pod/compose.yml": "services:\n  app:\n    image: app\n"]
        ).get()
        #expect(pod.components.map(\.name) == ["app"])
    }

    @Test("a relative compose file path is an error asking for an absolute one")
    func composeFileRelative() throws {
        let failure = try #require(parse(["pod.compose.file": "compose.yml"]).failure)
        #expect(failure.description.contains(#"expected an absolute path inside the controller, like "/etc/pod/compose.yml", got "compose.yml""#))
    }

    @Test("a compose file the controller does not have is named, with what to do")
    func composeFileNotInController() throws {
        let failure = try #require(PodLabels.parse(["pod.compose.file": "/nonexistent/podlike/compose.yml"]) { path in
            try String(contentsOfFile: path, encoding: .utf8)
        }.failure)
        #expect(failure.description.contains(#"can't read the Compose file "/nonexistent/podlike/compose.yml" inside the controller: it does not exist there"#),
                "\(failure)")
    }

    @Test("a missing compose file is an error naming the path")
    func composeFileMissing() throws {
        let failure = try #require(parse(["pod.compose.file": "/nope.yml"]).failure)
        #expect(failure.description.contains("/nope.yml"))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

extension PodLabelsTests {
    @Test("a labels file with a tag outside the core schema is refused, naming the tag and line")
    func labelsFileForeignTag() {
        do {
            _ = try LabelsFile.parse("pod.container.app: !!binary aW1hZ2U6IGE=\n", path: "labels.yml")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("the YAML tag !!binary is not supported"), "\(error)")
            #expect(error.errors.first?.line == 1)
        }
    }

    @Test("a pod.copy label with a NUL is refused")
    func copyWithNul() throws {
        let failure = try #require(parse(["pod.container.app": "image: a", "pod.copy.app": "\"/a\\0:/b\""]).failure)
        #expect(failure.description.contains("NUL"), "\(failure)")
    }
}
