import Foundation
import PodlikeTemplate
import Testing

struct ServedTemplates: TemplateFetcher {
    let pages: [String: String]
    func fetch(url: String, insecure: Bool) async throws -> String {
        guard let page = pages[url] else { throw TemplateFailure("HTTP 404") }
        return page
    }
}

@Suite("template: sources, merging and errors")
struct TemplateBehaviourTests {
    func run(_ stack: String, pages: [String: String] = [:]) async throws(TemplateFailure) -> String {
        try await StackTransformer(fetcher: ServedTemplates(pages: pages), environment: [:])
            .transform([.init(path: "/nonexistent/stack.yml", text: stack)]).yaml
    }

    @Test("merging: maps merge, key=value lists merge into maps, lists append, the first value wins")
    func merging() {
        var target = StackMap([("labels", .list([.string("a=1")])), ("image", .string("first")), ("volumes", .list([.string("x:/x")]))])
        Merging.merge(into: &target, StackMap([
            ("labels", .map(StackMap([("a", .string("2")), ("b", .string("3"))]))),
            ("image", .string("second")), ("volumes", .string("y:/y")),
        ]))
        #expect(target["labels"] == .map(StackMap([("a", .string("1")), ("b", .string("3"))])))
        #expect(target["image"] == .string("first"))
        #expect(target["volumes"] == .list([.string("x:/x"), .string("y:/y")]))
    }

    @Test("http: a served template is used; a failed one falls back")
    func http() async throws {
        let stack = """
            services:
              s:
                image: x/s
                x-podlike:
                  templates:
                    - http: https://templates.test/side.yml
                    - http: {url: https://templates.test/missing.yml, fallback: {inline: "other: {image: x/other}"}}
            """
        let yaml = try await run(stack, pages: ["https://templates.test/side.yml": "side:\n  image: x/{{ .Service.Name }}-side\n"])
        #expect(yaml.contains("pod.component.side"))
        #expect(yaml.contains("image: x/s-side"))
        #expect(yaml.contains("pod.component.other"))
    }

    @Test("a missing file without a fallback is named")
    func missingFile() async {
        await #expect(throws: TemplateFailure.self) {
            _ = try await self.run("services:\n  s:\n    image: x\n    x-podlike:\n      pod: nowhere/pod.yml\n")
        }
        do {
            _ = try await run("services:\n  s:\n    image: x\n    x-podlike:\n      pod: nowhere/pod.yml\n")
        } catch {
            #expect(error.message.contains("file \"nowhere/pod.yml\""))
        }
    }

    @Test("a template error names the template, its line and the action")
    func templateError() async {
        do {
            _ = try await run("services:\n  s:\n    image: x\n    x-podlike:\n      templates:\n        inline: \"a:\\n  image: {{ index .Service.Ports 3 }}\"\n")
            Issue.record("expected a failure")
        } catch {
            #expect(error.message.contains("inline"))
            #expect(error.message.contains("line 2"))
            #expect(error.message.contains("index .Service.Ports 3"))
        }
    }

    @Test("a controller with volumes of its own but no engine socket gets none, as from the original, and a warning says what to add")
    func socketWarning() async throws {
        let stack = """
            services:
              web:
                image: x/web
                volumes: [data:/data]
                x-podlike:
                  pod: {inline: "pod: {image: podlike:dev}"}
            """
        let output = try await StackTransformer(fetcher: ServedTemplates(pages: [:]), environment: [:])
            .transform([.init(path: "/nonexistent/stack.yml", text: stack)])
        #expect(!output.yaml.contains("docker.sock"), "\(output.yaml)")
        #expect(output.warnings.contains { $0.contains(#"the controller of "web""#) && $0.contains("/var/run/docker.sock:/var/run/docker.sock:ro") },
                "\(output.warnings)")
        // Without volumes of its own, the controller gets the socket and no warning.
        let plain = try await StackTransformer(fetcher: ServedTemplates(pages: [:]), environment: [:])
            .transform([.init(path: "/nonexistent/stack.yml", text: stack.replacingOccurrences(of: "    volumes: [data:/data]\n", with: ""))])
        #expect(plain.yaml.contains("/var/run/docker.sock"), "\(plain.yaml)")
        #expect(plain.warnings.isEmpty, "\(plain.warnings)")
    }

    @Test("a stack file that can't be read: podlike template exits 125 saying why, and prints nothing")
    func unreadableStack() throws {
        let missing = try CommandRun(["template", "/nonexistent/podlike-stack.yml"])
        #expect(missing.status == 125)
        #expect(missing.stderr.contains("can't read the stack in /nonexistent/podlike-stack.yml: no such file"), "\(missing.stderr)")
        #expect(missing.stdout.isEmpty)
        let folder = try CommandRun(["template", "/tmp"])
        #expect(folder.status == 125)
        #expect(folder.stderr.contains("it is a folder"), "\(folder.stderr)")
    }
}
