import Drivers
import Foundation
import Podlike
import PodlikeTemplate
import Testing

/// Every fixture's output must be something this project's controller runs:
/// each pod's labels validated as `podlike render` validates them.
@Suite("template: the output runs on this project's controller")
struct TemplateRunsOnControllerTests {
    @Test("fixture's pods validate", arguments: TemplateComparisonTests.cases)
    func validates(_ name: String) async throws {
        let stack = try await Fixtures.template(name)
        var pods = 0
        for (service, definition) in stack.mapValue?["services"]?.mapValue?.pairs ?? [] {
            guard let labels = definition.mapValue?["labels"]?.mapValue,
                  labels.keys.contains(where: { $0.hasPrefix("pod.") }) else { continue }
            pods += 1
            let problems = Self.problems(YAMLEmitter.emit(.map(labels)), service: service)
            #expect(problems == nil, "service \(service): \(problems ?? "")")
        }
        #expect(pods > 0)
    }

    @Test("podlike render takes each pod's labels with its controller's command as flags", arguments: TemplateComparisonTests.cases)
    func renders(_ name: String) async throws {
        let stack = try await Fixtures.template(name)
        let folder = NSTemporaryDirectory() + "podlike-render-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (service, definition) in stack.mapValue?["services"]?.mapValue?.pairs ?? [] {
            guard let labels = definition.mapValue?["labels"]?.mapValue,
                  labels.keys.contains(where: { $0.hasPrefix("pod.") }) else { continue }
            let path = folder + "/\(service).yml"
            try YAMLEmitter.emit(.map(labels)).write(toFile: path, atomically: true, encoding: .utf8)
            let flags = definition.mapValue?["command"]?.listValue?.compactMap(\.scalarText) ?? []
            let run = try CommandRun(["render", "--labels", path] + flags)
            #expect(run.status == 0, "service \(service), flags \(flags): \(run.stderr)")
        }
    }

    @Test("the check does reject what the controller can't run")
    func rejects() {
        #expect(Self.problems("pod.component.app: \"image: x\\nno_such_key: 1\\n\"\n", service: "bad") != nil)
        #expect(Self.problems("pod.component.app: \"image: x\\n\"\n", service: "good") == nil)
    }

    /// The planner's complaint about a set of labels, nil when it takes them.
    static func problems(_ labelsYAML: String, service: String) -> String? {
        do {
            let registry = try BuiltinSettings.registry()
            let labels = try LabelsFile.parse(labelsYAML, path: service)
            let driver = ComponentDriver(registry: registry, context: SettingContext(baseDirectory: "/", processEnvironment: [:]))
            _ = try driver.applying(PodContext.placeholder(), to: PodPlanner(driver: driver).plan(labels: labels) { path in
                throw PodValidationFailure([ValidationError(source: path, line: nil, column: nil, message: "no files in tests")])
            })
            return nil
        } catch {
            return "\(error)"
        }
    }
}
