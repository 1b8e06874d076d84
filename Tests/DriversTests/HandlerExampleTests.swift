import Drivers
import Foundation
import Podlike
import Testing
import PodlikeYAML

/// Every example of every registered handler, run as a test. A failure points at
/// the example's line in the handler's own file.
struct HandlerExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let descriptor: SettingDescriptor
        let example: SettingExample
        var testDescription: String { "\(descriptor.key): \(example.yaml)" }
        var location: SourceLocation {
            SourceLocation(fileID: descriptor.fileID, filePath: descriptor.filePath, line: example.line, column: 1)
        }
    }

    static let cases: [Case] = BuiltinSettings.handlers.flatMap { handler in
        handler.descriptor.examples.map { Case(descriptor: handler.descriptor, example: $0) }
    }

    static let fixtures: String = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("podlike-handler-examples").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Files that env_file examples name.
        try? "# defaults\nMODE=dev\nexport LEVEL=info\n\nQUOTED=\"a b\"\n".write(toFile: directory + "/app.env", atomically: true, encoding: .utf8)
        try? "MODE=prod\n".write(toFile: directory + "/prod.env", atomically: true, encoding: .utf8)
        try? "FROM_CONTROLLER\nNOT_SET_IN_CONTROLLER\nMODE=dev\n".write(toFile: directory + "/passthrough.env", atomically: true, encoding: .utf8)
        try? "MODE=dev\n# the next line has no =\nnot a setting\n".write(toFile: directory + "/broken.env", atomically: true, encoding: .utf8)
        // Files that security_opt examples name.
        try? "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\"\n}\n".write(toFile: directory + "/seccomp.json", atomically: true, encoding: .utf8)
        try? "defaultAction: allow\n".write(toFile: directory + "/seccomp.yaml", atomically: true, encoding: .utf8)
        return directory
    }()

    @Test("handler example", arguments: cases)
    func example(_ testCase: Case) throws {
        let registry = try BuiltinSettings.registry()
        let context = SettingContext(baseDirectory: Self.fixtures, processEnvironment: ["FROM_CONTROLLER": "yes"])
        let node = try #require(try YAML.compose(testCase.example.yaml), sourceLocation: testCase.location)
        guard case .mapping(let mapping) = node else {
            Issue.record("an example must be a YAML mapping like \"key: value\"", sourceLocation: testCase.location)
            return
        }
        var spec = ComponentSpec(name: "app")
        var failure: SettingProblem?
        for (key, value) in mapping {
            let handler = try #require(registry.handler(for: key.string ?? ""), "no handler for \(key)", sourceLocation: testCase.location)
            do {
                try handler.apply(value, to: &spec, context: context)
            } catch let problem {
                failure = problem
                break
            }
        }

        switch testCase.example.outcome {
        case .error(let expected):
            let problem = try #require(failure, "expected an error containing \"\(expected)\", but it succeeded", sourceLocation: testCase.location)
            #expect(problem.message.contains(expected), "error was: \(problem.message)", sourceLocation: testCase.location)
            #expect(problem.line != nil, "the error should point at a line", sourceLocation: testCase.location)
        case .request(let fragment):
            try expectSuccess(failure, testCase)
            try expectContains(spec.request, fragment, testCase)
        case .lifecycle(let fragment):
            try expectSuccess(failure, testCase)
            try expectContains(spec.lifecycle, fragment, testCase)
        case .warning(let warning, let fragment):
            try expectSuccess(failure, testCase)
            #expect(spec.warnings.contains { $0.contains(warning) }, "warnings were: \(spec.warnings)", sourceLocation: testCase.location)
            try expectContains(spec.request, fragment, testCase)
        }
    }

    private func expectSuccess(_ failure: SettingProblem?, _ testCase: Case) throws {
        if let failure {
            Issue.record("expected success, got: \(failure.message)", sourceLocation: testCase.location)
        }
    }

    private func expectContains<T: Encodable>(_ value: T, _ fragment: String, _ testCase: Case) throws {
        let actual = try jsonObject(value)
        let expected = try jsonObject(fragment)
        if let problem = jsonContains(actual, expected) {
            let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
            Issue.record("\(problem)\n  got: \(text)", sourceLocation: testCase.location)
        }
    }
}
