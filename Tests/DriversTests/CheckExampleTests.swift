import Drivers
import Foundation
import Podlike
import PodlikeYAML
import Testing

/// Every example of every registered check, run through the whole driver (every
/// handler, then every check), as a component's labels would be. A failure
/// points at the example's line in the check's own file.
struct CheckExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let descriptor: CheckDescriptor
        let example: SettingExample
        var testDescription: String { "\(descriptor.name): \(example.yaml)" }
        var location: SourceLocation {
            SourceLocation(fileID: descriptor.fileID, filePath: descriptor.filePath, line: example.line, column: 1)
        }
    }

    static let cases: [Case] = BuiltinSettings.checks.flatMap { check in
        check.descriptor.examples.map { Case(descriptor: check.descriptor, example: $0) }
    }

    @Test("every check has examples that pass and that fail")
    func examplesBothWays() {
        for check in BuiltinSettings.checks {
            let outcomes = check.descriptor.examples.map(\.outcome)
            #expect(outcomes.contains { if case .error = $0 { true } else { false } }, "\(check.descriptor.name)")
            #expect(outcomes.contains { if case .request = $0 { true } else { false } }, "\(check.descriptor.name)")
        }
    }

    @Test("check example", arguments: cases)
    func example(_ testCase: Case) throws {
        let driver = ComponentDriver(registry: try BuiltinSettings.registry())
        let node = try #require(try YAML.compose(testCase.example.yaml), sourceLocation: testCase.location)
        let result = driver.spec(for: ComponentDefinition(name: "app", node: node, source: "pod.component.app"))
        switch (testCase.example.outcome, result) {
        case (.error(let expected), .failure(let failure)):
            #expect(failure.errors.count == 1, "\(failure)", sourceLocation: testCase.location)
            let error = try #require(failure.errors.first)
            #expect(error.message.contains(expected), "error was: \(error.message)", sourceLocation: testCase.location)
            #expect(error.key != nil && error.line != nil, "the error should name its key and line: \(error)", sourceLocation: testCase.location)
        case (.request(let fragment), .success(let spec)):
            let actual = try jsonObject(spec.request), expected = try jsonObject(fragment)
            if let problem = jsonContains(actual, expected) {
                Issue.record("\(problem)", sourceLocation: testCase.location)
            }
        case (_, .failure(let failure)):
            Issue.record("expected success, got: \(failure)", sourceLocation: testCase.location)
        case (_, .success):
            Issue.record("expected an error, but the component was accepted", sourceLocation: testCase.location)
        }
    }
}
