import Foundation
import PodlikeTemplate
import Testing

/// The stacks the original's tests templated, in our own words, each with
/// the stack the original printed for it; compared as data, allowing only
/// the default image and the flag spelling to differ.
@Suite("template: output matches the original podlike's")
struct TemplateComparisonTests {
    static let cases = ["pod", "transformer", "args", "copies", "templates", "dependencies", "init",
                        "minimal", "custom-controller", "inline", "addons", "per-service", "mesh", "modernized"]
        .filter { FileManager.default.fileExists(atPath: Fixtures.path($0 + "/stack.yml")) }

    @Test("fixture", arguments: cases)
    func matches(_ name: String) async throws {
        let path = Fixtures.path(name + "/stack.yml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let output = try await StackTransformer(fetcher: NoNetwork(), environment: [:])
            .transform([.init(path: path, text: text)])
        let expected = try StackValue.parse(String(contentsOfFile: Fixtures.path(name + "/expected.yml"), encoding: .utf8), what: "expected")
        let reparsed = try StackValue.parse(output.yaml, what: "output")
        #expect(Comparable.canonical(reparsed) == Comparable.canonical(expected), "\(output.yaml)")
    }
}

enum Fixtures {
    static func path(_ relative: String) -> String {
        Bundle.module.resourcePath! + "/Fixtures/template/" + relative
    }
}

struct NoNetwork: TemplateFetcher {
    func fetch(url: String, insecure: Bool) async throws -> String { throw TemplateFailure("no network in tests") }
}

/// A value with mappings as sorted key lists, label values that are YAML
/// parsed, the original's default image and Go flag spelling mapped to ours.
enum Comparable: Equatable, CustomStringConvertible {
    case scalar(String)
    case list([Comparable])
    case map([String: Comparable])

    var description: String {
        switch self {
        case .scalar(let s): return s.debugDescription
        case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joined(separator: ", ") + "}"
        }
    }

    static func canonical(_ value: StackValue, key: String = "") -> Comparable {
        switch value {
        case .map(let map):
            var out: [String: Comparable] = [:]
            for (k, v) in map.pairs { out[k] = canonical(v, key: k) }
            return .map(out)
        case .list(let list):
            // The socket mount the original left out when a service had volumes of its own.
            let kept = key == "volumes" ? list.filter { $0.mapValue?["target"]?.stringValue != "/var/run/docker.sock" } : list
            return .list(kept.map { item in
                if key == "command", case .string("-logs") = item { return .scalar("--logs") }
                return canonical(item)
            })
        case .string(let text):
            if key.hasPrefix("pod.component.") || key.hasPrefix("pod.container.") || key.hasPrefix("pod.init.") || key.hasPrefix("pod.copy."),
               let parsed = try? StackValue.parse(text, what: key) {
                return canonical(parsed)
            }
            if key == "image", text.hasPrefix("rycus86/podlike:") { return .scalar("podlike:dev") }
            return .scalar(text)
        default:
            return .scalar(value.scalarText ?? "null")
        }
    }
}
