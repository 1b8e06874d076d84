import Drivers
import Foundation
import Podlike
import Testing

struct ReadmeReferenceTests {
    @Test("the README's settings reference matches the handlers' descriptors")
    func readmeIsCurrent() throws {
        let readme = try String(contentsOfFile: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md").path, encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- settings:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- settings:end -->"))
        let current = String(readme[begin.upperBound..<end.lowerBound])
        let generated = SettingsReference.markdown(try BuiltinSettings.registry())
        #expect(current == generated, "the README's settings reference is stale; replace it with the output of `swift run podlike settings --markdown`")
    }

    @Test("podlike settings lists every schema key and the added ones")
    func settingsText() throws {
        let text = SettingsReference.text(try BuiltinSettings.registry())
        for key in try RegistryTests.schemaKeys() + ["deploy", "pull_policy"] {
            #expect(text.contains("  \(key) "), "\(key) missing from podlike settings")
        }
    }
}
