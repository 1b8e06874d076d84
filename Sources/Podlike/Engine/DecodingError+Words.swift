#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DecodingError {
    /// What is wrong with a document, in podlike's words rather than the runtime's.
    var inWords: String {
        switch self {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "it is not valid JSON"
        case .dataCorrupted(let context):
            return "\(Self.path(context.codingPath)) holds a value that can't be read"
        case .keyNotFound(let key, let context):
            return "\(Self.path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(Self.path(context.codingPath)) is not \(Self.kind(type))"
        case .valueNotFound(let type, let context):
            return "\(Self.path(context.codingPath)) is null, not \(Self.kind(type))"
        @unknown default:
            return "it can't be read"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the document" : "field " + keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type, is Double.Type: "a number"
        default: "the expected kind of value"
        }
    }
}
