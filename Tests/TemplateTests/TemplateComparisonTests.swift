import Foundation
import PodlikeTemplate
import Testing

/// The stacks the original's tests and examples templated, in our own
/// words, each with the stack the original printed for it; compared as
/// data, allowing only the label prefix, the flag spelling and the default
/// image to differ.
@Suite("template: output matches the original podlike's")
struct TemplateComparisonTests {
    static let cases = ["pod", "transformer", "args", "copies", "templates", "dependencies", "init",
                        "minimal", "custom-controller", "inline", "addons", "per-service", "mesh", "modernized"]
        .filter { FileManager.default.fileExists(atPath: Fixtures.path($0 + "/stack.yml")) }

    @Test("every fixture is there")
    func allThere() {
        #expect(Self.cases.count == 14)
    }

    @Test("fixture", arguments: cases)
    func matches(_ name: String) async throws {
        let output = try await Fixtures.template(name)
        let expected = try StackValue.parse(String(contentsOfFile: Fixtures.path(name + "/expected.yml"), encoding: .utf8), what: "expected")
        #expect(Comparable.stack(output) == Comparable.stack(expected), "\(YAMLEmitter.emit(output))")
    }
}

enum Fixtures {
    static func path(_ relative: String) -> String {
        Bundle.module.resourcePath! + "/Fixtures/template/" + relative
    }

    /// A fixture's stack templated, reparsed from the printed YAML, with the
    /// fixture's folder written as /fixture (for config files' paths).
    static func template(_ name: String) async throws -> StackValue {
        let path = path(name + "/stack.yml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let output = try await StackTransformer(fetcher: NoNetwork(), environment: [:])
            .transform([.init(path: path, text: text)])
        let yaml = output.yaml.replacingOccurrences(of: Fixtures.path(name), with: "/fixture")
        return try StackValue.parse(yaml, what: "output")
    }
}

struct NoNetwork: TemplateFetcher {
    func fetch(url: String, insecure: Bool) async throws -> String { throw TemplateFailure("no network in tests") }
}
