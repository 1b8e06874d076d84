import Drivers
import Foundation
import Podlike
import PodlikeYAML
import Testing

/// Every example of every pod-level handler, run as a test: the component's own
/// settings through the registered setting handlers, then this pod handler alone,
/// in the example's pod. A failure points at the example's line in the handler.
struct PodHandlerExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let handler: any PodSettingHandler
        let example: PodHandlerExample
        let filePath: String
        var testDescription: String { "\(handler.name): \(example.given)\(example.settings.isEmpty ? "" : ", " + example.settings)" }
        var location: SourceLocation {
            SourceLocation(fileID: "Podlike/\(filePath.split(separator: "/").last ?? "")", filePath: filePath, line: example.line, column: 1)
        }
    }

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Podlike/PodHandlers").standardizedFileURL

    static let cases: [Case] = PodHandlers.all.flatMap { handler in
        let file = sources.appendingPathComponent("\(type(of: handler)).swift").path
        return handler.examples.map { Case(handler: handler, example: $0, filePath: file) }
    }

    @Test("every pod-level handler has examples, and one on the IPC holder when it applies to it")
    func everyHandlerHasExamples() {
        for handler in PodHandlers.all {
            #expect(!handler.examples.isEmpty, "\(handler.name) has no examples")
            #expect(handler.examples.contains { $0.role == .ipcHolder } == handler.appliesToIpcHolder,
                    "\(handler.name): an IPC holder example exactly when it applies to the holder")
        }
    }

    @Test("pod handler example", arguments: cases)
    func example(_ testCase: Case) throws {
        let example = testCase.example
        var spec: ComponentSpec
        switch example.role {
        case .component:
            spec = ComponentSpec(name: "app")
            let registry = try BuiltinSettings.registry()
            if !example.settings.isEmpty {
                let node = try #require(try YAML.compose(example.settings), sourceLocation: testCase.location)
                for (key, value) in try #require(node.mapping, "settings must be a YAML mapping", sourceLocation: testCase.location) {
                    let handler = try #require(registry.handler(for: key.string ?? ""), "no handler for \(key)", sourceLocation: testCase.location)
                    try handler.apply(value, to: &spec, context: SettingContext())
                }
            }
        case .ipcHolder:
            spec = IpcHolder.baseSpec(try #require(example.pod.ipcHolder, "a holder example needs a pod with a holder", sourceLocation: testCase.location))
        }
        testCase.handler.apply(to: &spec, pod: example.pod)

        switch example.outcome {
        case .request(let fragment):
            #expect(spec.warnings.isEmpty, "warnings: \(spec.warnings)", sourceLocation: testCase.location)
            try expectContains(spec.request, fragment, testCase)
        case .warning(let warning, let fragment):
            #expect(spec.warnings.contains { $0.contains(warning) }, "warnings were: \(spec.warnings)", sourceLocation: testCase.location)
            try expectContains(spec.request, fragment, testCase)
        case .containerName(let name):
            #expect(spec.containerName == name, sourceLocation: testCase.location)
        }
    }

    private func expectContains(_ request: CreateContainerRequest, _ fragment: String, _ testCase: Case) throws {
        if let problem = jsonContains(try jsonObject(request), try jsonObject(fragment)) {
            let text = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
            Issue.record("\(problem)\n  got: \(text)", sourceLocation: testCase.location)
        }
    }
}
