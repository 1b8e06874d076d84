/// Scanning of literal tokens inside actions. Like Go, the lexer only finds
/// the extent of a literal; its syntax is checked when the parser converts
/// it (`NumberLiteral`, `StringLiteral`), which decides the error wording.
extension Lexer {
    mutating func lexChar() -> Token {
        while true {
            switch next() {
            case "\\":
                let escaped = next()
                if escaped == nil || escaped == "\n" {
                    return fail("unterminated character constant")
                }
            case nil, "\n":
                return fail("unterminated character constant")
            case "'":
                return emit(.charConstant)
            default:
                continue
            }
        }
    }

    mutating func lexQuote() -> Token {
        while true {
            switch next() {
            case "\\":
                let escaped = next()
                if escaped == nil || escaped == "\n" {
                    return fail("unterminated quoted string")
                }
            case nil, "\n":
                return fail("unterminated quoted string")
            case "\"":
                return emit(.string)
            default:
                continue
            }
        }
    }

    mutating func lexRawQuote() -> Token {
        while true {
            switch next() {
            case nil:
                return fail("unterminated raw quoted string")
            case "`":
                return emit(.rawString)
            default:
                continue
            }
        }
    }

    /// A number, or a complex constant such as `1+2i` (sign, no spaces).
    mutating func lexNumber() -> Token {
        guard scanNumber() else { return badNumber() }
        if let sign = peek(), sign == "+" || sign == "-" {
            guard scanNumber(), input[pos - 1] == UInt8(ascii: "i") else { return badNumber() }
            return emit(.complex)
        }
        return emit(.number)
    }

    private mutating func badNumber() -> Token {
        let text = CharacterClasses.string(input[start..<pos])
        return fail("bad number syntax: \(GoQuoting.quote(text))")
    }

    private mutating func accept(_ valid: String) -> Bool {
        if let scalar = next(), valid.unicodeScalars.contains(scalar) { return true }
        backup()
        return false
    }

    private mutating func acceptRun(_ valid: String) {
        while let scalar = next(), valid.unicodeScalars.contains(scalar) {}
        backup()
    }

    /// Go's permissive number scanner: it accepts some invalid forms (`089`,
    /// `0x1.2`) and leaves the verdict to the parser's conversion.
    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") {
                digits = "0123456789abcdefABCDEF_"
            } else if accept("oO") {
                digits = "01234567_"
            } else if accept("bB") {
                digits = "01_"
            }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if CharacterClasses.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }
}
