import Drivers
import Foundation
import Podlike
import Testing

/// `podlike render` of realistic pods, compared with golden files.
/// Regenerate with: PODLIKE_UPDATE_GOLDEN=1 swift test --filter GoldenRenderTests
struct GoldenRenderTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let pods: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".labels.yml") }.map { String($0.dropLast(".labels.yml".count)) }.sorted()
    }()

    @Test("there are golden pods to render")
    func goldensExist() {
        #expect(Self.pods.count >= 3)
    }

    @Test("render matches the golden file", arguments: pods)
    func render(_ pod: String) throws {
        let labelsPath = Self.directory.appendingPathComponent("\(pod).labels.yml").path
        let goldenPath = Self.directory.appendingPathComponent("\(pod).json").path
        let registry = try BuiltinSettings.registry()
        let labels = try LabelsFile.parse(try String(contentsOfFile: labelsPath, encoding: .utf8), path: labelsPath)
        let context = SettingContext(baseDirectory: Self.directory.path, processEnvironment: [:])
        let driver = ComponentDriver(registry: registry, context: context)
        let validated = try PodPlanner(driver: driver)
            .plan(labels: labels) { path in try String(contentsOfFile: Self.directory.appendingPathComponent(path).path, encoding: .utf8) }
        let plan = try driver.applying(.placeholder(), to: validated)
        // Relative paths resolve against the fixtures folder, wherever the clone is.
        let rendered = try RenderDocument(plan: plan).json()
            .replacingOccurrences(of: Self.directory.path, with: "$FIXTURES") + "\n"

        if ProcessInfo.processInfo.environment["PODLIKE_UPDATE_GOLDEN"] == "1" {
            try rendered.write(toFile: goldenPath, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(rendered == golden, "\(pod) renders differently; if the change is right, regenerate with: PODLIKE_UPDATE_GOLDEN=1 swift test --filter GoldenRenderTests")
    }
}
