/// Go's `strconv.Unquote`/`UnquoteChar` for string, raw string and
/// character constants, so escapes mean what they mean in Go and invalid
/// ones fail with Go's "invalid syntax".
enum StringLiteral {
    /// Unquotes `"..."` or `` `...` ``; `nil` is Go's `ErrSyntax`.
    /// `\x` and octal escapes denote bytes; a Swift string cannot hold
    /// invalid UTF-8, so such bytes decode leniently (U+FFFD).
    static func unquote(_ quoted: String) -> String? {
        let bytes = Array(quoted.utf8)
        guard bytes.count >= 2, let quote = bytes.first, bytes.last == quote else { return nil }
        let body = bytes[1..<(bytes.count - 1)]
        if quote == UInt8(ascii: "`") {
            guard !body.contains(UInt8(ascii: "`")) else { return nil }
            // Raw strings drop carriage returns, as Go's Unquote does.
            return String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self)
        }
        guard quote == UInt8(ascii: "\"") else { return nil }
        var out: [UInt8] = []
        var index = 1
        let end = bytes.count - 1
        while index < end {
            guard bytes[index] != 0x0A,
                  let (value, next) = unquoteChar(bytes, at: index, quote: quote),
                  next <= end else { return nil }
            if value < 0x80 || !isMultibyte(bytes, at: index) {
                out.append(UInt8(truncatingIfNeeded: value))
            } else if let scalar = Unicode.Scalar(value) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            index = next
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the character at `index` denotes a rune (literal UTF-8 or
    /// `\u`/`\U`) rather than a single byte (`\x`, octal, ASCII).
    private static func isMultibyte(_ bytes: [UInt8], at index: Int) -> Bool {
        if bytes[index] >= 0x80 { return true }
        guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else { return false }
        return bytes[index + 1] == UInt8(ascii: "u") || bytes[index + 1] == UInt8(ascii: "U")
    }

    /// Go's `UnquoteChar`: decodes one possibly escaped character at
    /// `index`, returning its value and the index after it.
    static func unquoteChar(_ bytes: [UInt8], at index: Int, quote: UInt8) -> (UInt32, Int)? {
        guard index < bytes.count else { return nil }
        let first = bytes[index]
        if first == quote && (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")) { return nil }
        if first >= 0x80 {
            let (scalar, width) = CharacterClasses.decode(bytes, at: index)
            return ((scalar ?? CharacterClasses.replacement).value, index + width)
        }
        if first != UInt8(ascii: "\\") { return (UInt32(first), index + 1) }
        guard index + 1 < bytes.count else { return nil }
        let escape = bytes[index + 1]
        var next = index + 2
        switch escape {
        case UInt8(ascii: "a"): return (0x07, next)
        case UInt8(ascii: "b"): return (0x08, next)
        case UInt8(ascii: "f"): return (0x0C, next)
        case UInt8(ascii: "n"): return (0x0A, next)
        case UInt8(ascii: "r"): return (0x0D, next)
        case UInt8(ascii: "t"): return (0x09, next)
        case UInt8(ascii: "v"): return (0x0B, next)
        case UInt8(ascii: "\\"): return (0x5C, next)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return escape == quote ? (UInt32(escape), next) : nil
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escape == UInt8(ascii: "x") ? 2 : (escape == UInt8(ascii: "u") ? 4 : 8)
            guard next + count <= bytes.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<count {
                guard let digit = hexValue(bytes[next + offset]) else { return nil }
                value = value << 4 | digit
            }
            next += count
            if escape == UInt8(ascii: "x") { return (value, next) }
            guard value <= CharacterClasses.maxRune, Unicode.Scalar(value) != nil else { return nil }
            return (value, next)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = UInt32(escape - UInt8(ascii: "0"))
            guard next + 2 <= bytes.count else { return nil }
            for offset in 0..<2 {
                let byte = bytes[next + offset]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7") else { return nil }
                value = value << 3 | UInt32(byte - UInt8(ascii: "0"))
            }
            guard value <= 255 else { return nil }
            return (value, next + 2)
        default:
            return nil
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
