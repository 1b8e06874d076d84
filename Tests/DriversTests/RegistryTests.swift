import Drivers
import Foundation
import Podlike
import Testing

struct RegistryTests {
    static let schemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/compose-v2.4-schema.json").path

    static func schemaKeys() throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: schemaPath))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let definitions = try #require(schema["definitions"] as? [String: Any])
        let service = try #require(definitions["service"] as? [String: Any])
        let properties = try #require(service["properties"] as? [String: Any])
        return properties.keys.sorted()
    }

    @Test("every key of the Compose v2.4 service schema is handled or rejected with a reason")
    func schemaIsCovered() throws {
        let registry = try BuiltinSettings.registry()
        let keys = try Self.schemaKeys()
        #expect(keys.count == 74)
        for key in keys {
            let handler = registry.handler(for: key)
            #expect(handler != nil, "Compose key \"\(key)\" has no handler and no unsupported entry")
            if let handler {
                #expect(!handler.descriptor.text.isEmpty)
                #expect(!handler.descriptor.text.contains("STUB"), "\(key) is still a stub")
            }
        }
    }

    @Test("the Compose-spec keys users carry over are handled")
    func composeSpecKeys() throws {
        let registry = try BuiltinSettings.registry()
        for key in ["deploy", "pull_policy"] {
            #expect(registry.handler(for: key)?.descriptor.isSupported == true, "\(key)")
        }
    }

    @Test("every supported handler has examples, both valid and invalid")
    func examplesExist() throws {
        for handler in BuiltinSettings.handlers where handler.descriptor.isSupported {
            let examples = handler.descriptor.examples
            let errors = examples.filter { if case .error = $0.outcome { return true } else { return false } }
            #expect(examples.count > errors.count, "\(handler.descriptor.key) needs a valid example")
            #expect(!errors.isEmpty, "\(handler.descriptor.key) needs an invalid example")
        }
    }

    @Test("a key claimed twice is rejected when the registry is built")
    func duplicateKey() {
        #expect(throws: HandlerRegistry.DuplicateKey.self) {
            try HandlerRegistry(handlers: BuiltinSettings.handlers + [BuiltinSettings.handlers[0]], podHandlers: [])
        }
    }

    @Test("the registry list is sorted by type name")
    func sortedList() throws {
        let source = try String(contentsOfFile: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Drivers/BuiltinSettings.swift").path, encoding: .utf8)
        let names = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasSuffix("Handler(),") }
        #expect(names == names.sorted())
        #expect(names.count == BuiltinSettings.handlers.filter(\.descriptor.isSupported).count)
    }
}
