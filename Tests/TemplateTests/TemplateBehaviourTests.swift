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
}
