/// Ports of the parts of Go's `strconv` that decide whether a template
/// number literal is valid and what it means (`ParseUint`/`ParseInt` with
/// base 0, `ParseFloat`). Go accepts `0x`, `0o`, `0b`, a leading-zero
/// octal form and `_` separators, and rejects what its compiler rejects.
enum GoNumberParsing {
    enum Failure: Error { case syntax, range }

    /// `strconv.ParseUint(text, 0, 64)`.
    static func parseUnsigned(_ text: String) -> Result<UInt64, Failure> {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return .failure(.syntax) }
        var base: UInt64 = 10
        var digits = bytes[...]
        if bytes[0] == UInt8(ascii: "0") {
            let second = bytes.count >= 3 ? lower(bytes[1]) : 0
            switch second {
            case UInt8(ascii: "b"): base = 2; digits = bytes[2...]
            case UInt8(ascii: "o"): base = 8; digits = bytes[2...]
            case UInt8(ascii: "x"): base = 16; digits = bytes[2...]
            default: base = 8; digits = bytes[1...]
            }
        }
        var value: UInt64 = 0
        var underscores = false
        var overflow = false
        for byte in digits {
            let digit: UInt64
            if byte == UInt8(ascii: "_") {
                underscores = true
                continue
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digit = UInt64(byte - UInt8(ascii: "0"))
            } else if lower(byte) >= UInt8(ascii: "a") && lower(byte) <= UInt8(ascii: "z") {
                digit = UInt64(lower(byte) - UInt8(ascii: "a") + 10)
            } else {
                return .failure(.syntax)
            }
            guard digit < base else { return .failure(.syntax) }
            if overflow { continue }
            let (product, productOverflow) = value.multipliedReportingOverflow(by: base)
            let (sum, sumOverflow) = product.addingReportingOverflow(digit)
            if productOverflow || sumOverflow { overflow = true } else { value = sum }
        }
        if overflow { return .failure(.range) }
        if underscores && !underscoreOK(bytes) { return .failure(.syntax) }
        return .success(value)
    }

    /// `strconv.ParseInt(text, 0, 64)`: an optional sign, then as above.
    static func parseSigned(_ text: String) -> Result<Int64, Failure> {
        var body = Substring(text)
        var negative = false
        if body.first == "+" {
            body = body.dropFirst()
        } else if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        let magnitude: UInt64
        switch parseUnsigned(String(body)) {
        case .success(let value): magnitude = value
        case .failure(let failure): return .failure(failure)
        }
        let limit = UInt64(1) << 63
        if !negative && magnitude >= limit { return .failure(.range) }
        if negative && magnitude > limit { return .failure(.range) }
        if negative { return .success(magnitude == limit ? Int64.min : -Int64(magnitude)) }
        return .success(Int64(magnitude))
    }

    /// `strconv.ParseFloat(text, 64)` for the forms the lexer can produce:
    /// decimal with optional exponent, or hexadecimal with a `p` exponent.
    /// Overflow to infinity is a failure, as Go reports it as a range error.
    static func parseFloat(_ text: String) -> Double? {
        guard let cleaned = validatedFloat(Array(text.utf8)),
              let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// Mirrors Go's `readFloat` grammar; returns the text without `_`.
    private static func validatedFloat(_ bytes: [UInt8]) -> String? {
        var index = 0
        if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
            index += 1
        }
        var hex = false
        if index + 2 < bytes.count && bytes[index] == UInt8(ascii: "0") && lower(bytes[index + 1]) == UInt8(ascii: "x") {
            hex = true
            index += 2
        }
        var underscores = false
        var sawDot = false
        var sawDigits = false
        mantissa: while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                underscores = true
            } else if byte == UInt8(ascii: ".") {
                if sawDot { break mantissa }
                sawDot = true
            } else if isDecimalDigit(byte) || (hex && isHexLetter(byte)) {
                sawDigits = true
            } else {
                break mantissa
            }
            index += 1
        }
        guard sawDigits else { return nil }
        let exponentMark = hex ? UInt8(ascii: "p") : UInt8(ascii: "e")
        if index < bytes.count && lower(bytes[index]) == exponentMark {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard index < bytes.count && isDecimalDigit(bytes[index]) else { return nil }
            while index < bytes.count && (isDecimalDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_")) {
                if bytes[index] == UInt8(ascii: "_") { underscores = true }
                index += 1
            }
        } else if hex {
            return nil  // A hexadecimal mantissa requires a 'p' exponent.
        }
        guard index == bytes.count else { return nil }
        if underscores && !underscoreOK(bytes) { return nil }
        return String(decoding: bytes.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
    }

    /// Go's `underscoreOK`: `_` only between digits or after a base prefix.
    static func underscoreOK(_ input: [UInt8]) -> Bool {
        var bytes = input[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
        }
        var saw: Character = "^"
        var hex = false
        var index = bytes.startIndex
        if bytes.count >= 2 && bytes[index] == UInt8(ascii: "0") {
            let marker = lower(bytes[index + 1])
            if marker == UInt8(ascii: "b") || marker == UInt8(ascii: "o") || marker == UInt8(ascii: "x") {
                index += 2
                saw = "0"
                hex = marker == UInt8(ascii: "x")
            }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if isDecimalDigit(byte) || (hex && isHexLetter(byte)) {
                saw = "0"
                continue
            }
            if byte == UInt8(ascii: "_") {
                if saw != "0" { return false }
                saw = "_"
                continue
            }
            if saw == "_" { return false }
            saw = "!"
        }
        return saw != "_"
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }

    private static func isDecimalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isHexLetter(_ byte: UInt8) -> Bool {
        lower(byte) >= UInt8(ascii: "a") && lower(byte) <= UInt8(ascii: "f")
    }
}
