import PodlikeYAML

/// Compose byte sizes: `512m`, `1g`, `64k`, `1.5g`, `100b`, `2gb`, or a plain number of bytes.
public enum ByteSize {
    public static let expectation = "a byte size like \"512m\", \"1.5g\" or a number of bytes"

    enum Parsed: Equatable {
        case bytes(Int64)
        case malformed
        /// Well formed, but past what the API holds, or so small it would round to 0.
        case outOfRange
    }

    public static func parse(_ text: String) -> Int64? {
        guard case .bytes(let bytes) = parsed(text) else { return nil }
        return bytes
    }

    static func parsed(_ text: String) -> Parsed {
        var raw = text.trimmingWhitespace.lowercased()
        guard !raw.isEmpty else { return .malformed }
        if raw.hasSuffix("b"), raw.count > 1, let before = raw.dropLast().last, "kmgt".contains(before) {
            raw.removeLast()
        }
        let units: [Character: Double] = ["b": 1, "k": 1024, "m": 1024 * 1024, "g": 1024 * 1024 * 1024, "t": 1024 * 1024 * 1024 * 1024]
        var multiplier: Double = 1
        if let last = raw.last, let unit = units[last] {
            multiplier = unit
            raw.removeLast()
        }
        // Digits with an optional fraction, as the docker CLI reads sizes: never a
        // hex (`0x10`), exponent (`1e3`) or sign that Double() would also take.
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let number = Double(raw) else { return .malformed }
        let bytes = (number * multiplier).rounded(.down)
        // A size that isn't zero never becomes zero, which would mean "no limit".
        guard bytes < Double(Int64.max), bytes >= 1 || number == 0 else { return .outOfRange }
        return .bytes(Int64(bytes))
    }

    /// The largest size the Engine API carries: 64-bit bytes, 8 EiB.
    public static let range = "from 1 byte to 9223372036854775807 bytes (8 EiB), or 0"

    public static func parse(_ node: Node) throws(SettingProblem) -> Int64 {
        let text = try node.text(expected: expectation)
        switch parsed(text) {
        case .bytes(let bytes): return bytes
        case .malformed: throw .expected(expectation, got: node)
        case .outOfRange:
            throw SettingProblem("\"\(text.trimmingWhitespace)\" is out of range: a byte size goes \(range)", at: node)
        }
    }
}
