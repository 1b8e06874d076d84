import Foundation

/// Whether `expected` is contained in `actual`: every key of an expected object
/// must be present with a matching value; arrays and scalars must be equal.
func jsonContains(_ actual: Any, _ expected: Any, path: String = "$") -> String? {
    switch (actual, expected) {
    case let (actual as [String: Any], expected as [String: Any]):
        for (key, value) in expected {
            // null in the expected JSON: the field must be absent (or null).
            if value is NSNull {
                if let found = actual[key], !(found is NSNull) { return "\(path).\(key) is \(found), expected it absent" }
                continue
            }
            guard let found = actual[key] else { return "\(path).\(key) is missing" }
            if let problem = jsonContains(found, value, path: "\(path).\(key)") { return problem }
        }
        return nil
    case let (actual as [Any], expected as [Any]):
        guard actual.count == expected.count else { return "\(path) has \(actual.count) items, expected \(expected.count): \(actual)" }
        for (index, pair) in zip(actual, expected).enumerated() {
            if let problem = jsonContains(pair.0, pair.1, path: "\(path)[\(index)]") { return problem }
        }
        return nil
    default:
        return (actual as? NSObject)?.isEqual(expected) == true ? nil : "\(path) is \(actual), expected \(expected)"
    }
}

func jsonObject<T: Encodable>(_ value: T) throws -> Any {
    try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
}

func jsonObject(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
}
