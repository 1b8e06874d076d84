#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads `env_file` contents: `KEY=value` lines, with comments, blank lines,
/// `export ` prefixes and matching quotes around values handled.
public enum EnvFile {
    public struct Problem: Error {
        public var line: Int
        public var text: String
    }

    public static func parse(_ contents: String) throws(Problem) -> [KeyValueList.Entry] {
        var entries: [KeyValueList.Entry] = []
        for (index, rawLine) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(rawLine).trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)).trimmingWhitespace }
            guard let equals = line.firstIndex(of: "=") else {
                let key = line
                guard !key.contains(where: \.isWhitespace) else { throw Problem(line: index + 1, text: line) }
                entries.append(.init(key: key, value: nil))
                continue
            }
            let key = String(line[..<equals]).trimmingWhitespace
            guard !key.isEmpty, !key.contains(where: \.isWhitespace) else { throw Problem(line: index + 1, text: line) }
            var value = String(line[line.index(after: equals)...]).trimmingWhitespace
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
                if first == "\"" { value = value.replacing("\\n", with: "\n") }
            } else if let hash = value.firstRange(of: " #") {
                value = String(value[..<hash.lowerBound]).trimmingWhitespace
            }
            entries.append(.init(key: key, value: value))
        }
        return entries
    }
}
