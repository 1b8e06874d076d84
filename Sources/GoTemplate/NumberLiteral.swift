/// A number constant from the template text, with every interpretation Go
/// records for it (`IsInt`, `IsUint`, `IsFloat`, `IsComplex`). Go decides
/// later, from the spelling, which one a bare constant becomes: `1` is an
/// int, `1.0` and `1e3` are floats, `0x1e` and `'a'` are ints.
struct NumberLiteral: Sendable {
    var pos: Int
    var text: String
    var isInt = false
    var isUint = false
    var isFloat = false
    var isComplex = false
    var intValue: Int64 = 0
    var uintValue: UInt64 = 0
    var floatValue: Double = 0

    /// Go's `newNumber`; the error string is what the parse error says.
    static func parse(pos: Int, text: String, kind: TokenKind) -> Result<NumberLiteral, ParseMessage> {
        var number = NumberLiteral(pos: pos, text: text)
        switch kind {
        case .charConstant:
            let bytes = Array(text.utf8)
            guard let (value, next) = StringLiteral.unquoteChar(bytes, at: 1, quote: UInt8(ascii: "'")) else {
                return .failure(ParseMessage("invalid syntax"))
            }
            guard next == bytes.count - 1, bytes.last == UInt8(ascii: "'") else {
                return .failure(ParseMessage("malformed character constant: \(text)"))
            }
            number.isInt = true
            number.isUint = true
            number.isFloat = true
            number.intValue = Int64(value)
            number.uintValue = UInt64(value)
            number.floatValue = Double(value)
            return .success(number)
        case .complex:
            number.isComplex = true
            return .success(number)
        default:
            break
        }
        if text.hasSuffix("i"), GoNumberParsing.parseFloat(String(text.dropLast())) != nil {
            number.isComplex = true
            return .success(number)
        }
        let unsigned = try? GoNumberParsing.parseUnsigned(text).get()
        if let unsigned {
            number.isUint = true
            number.uintValue = unsigned
        }
        if let signed = try? GoNumberParsing.parseSigned(text).get() {
            number.isInt = true
            number.intValue = signed
            if signed == 0 {
                number.isUint = true  // "-0" is a valid unsigned zero too.
                number.uintValue = unsigned ?? 0
            }
        }
        if number.isInt {
            number.isFloat = true
            number.floatValue = Double(number.intValue)
        } else if number.isUint {
            number.isFloat = true
            number.floatValue = Double(number.uintValue)
        } else if let value = GoNumberParsing.parseFloat(text) {
            guard text.contains(where: { ".eEpP".contains($0) }) else {
                return .failure(ParseMessage("integer overflow: \(GoQuoting.quote(text))"))
            }
            number.isFloat = true
            number.floatValue = value
            if let exact = NumberLiteral.exactInt64(value) {
                number.isInt = true
                number.intValue = exact
            }
            if let exact = NumberLiteral.exactUInt64(value) {
                number.isUint = true
                number.uintValue = exact
            }
        }
        if !number.isInt && !number.isUint && !number.isFloat {
            return .failure(ParseMessage("illegal number syntax: \(GoQuoting.quote(text))"))
        }
        return .success(number)
    }

    /// `Int64(exactly:)` without its libm dependency (`trunc`), so the
    /// package links without Foundation: in range, then a round trip.
    static func exactInt64(_ value: Double) -> Int64? {
        guard value >= -9.223372036854775808e18, value < 9.223372036854775808e18 else { return nil }
        let converted = Int64(value)
        return Double(converted) == value ? converted : nil
    }

    static func exactUInt64(_ value: Double) -> UInt64? {
        guard value >= 0, value < 1.8446744073709551616e19 else { return nil }
        let converted = UInt64(value)
        return Double(converted) == value ? converted : nil
    }

    /// Go's `idealConstant` choice between float and int for a bare
    /// constant, by spelling: hex integers and runes stay integers even
    /// though `0x1e` contains an `e`.
    var isFloatSpelling: Bool {
        let isHexInt = text.count > 2 && text.hasPrefix("0") && (text.dropFirst().first == "x" || text.dropFirst().first == "X")
            && !text.contains(where: { $0 == "p" || $0 == "P" })
        let isRune = text.hasPrefix("'")
        return isFloat && !isHexInt && !isRune && text.contains(where: { ".eEpP".contains($0) })
    }
}

/// A parse error message before the location prefix is added.
struct ParseMessage: Error, Sendable {
    let text: String
    init(_ text: String) { self.text = text }
}
