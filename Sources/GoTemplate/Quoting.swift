/// Go's `strconv` quoting (`Quote`, `QuoteToASCII`, `QuoteRune`,
/// `CanBackquote`), needed byte-for-byte by `%q`, `%#v` and error messages.
enum GoQuoting {
    /// `strconv.Quote`: printable runes kept, others escaped.
    static func quote(_ text: String) -> String {
        quote(text, quoteMark: "\"", asciiOnly: false)
    }

    /// `strconv.QuoteToASCII`, used by `%+q`.
    static func quoteASCII(_ text: String) -> String {
        quote(text, quoteMark: "\"", asciiOnly: true)
    }

    static func quote(_ text: String, quoteMark: Unicode.Scalar, asciiOnly: Bool) -> String {
        var out = String(Character(quoteMark))
        for scalar in text.unicodeScalars {
            appendEscaped(scalar, quoteMark: quoteMark, asciiOnly: asciiOnly, to: &out)
        }
        out.unicodeScalars.append(quoteMark)
        return out
    }

    /// `strconv.QuoteRune`/`QuoteRuneToASCII`; values that are not valid
    /// code points print as U+FFFD, as Go does.
    static func quoteRune(_ value: Int, asciiOnly: Bool) -> String {
        var scalar = CharacterClasses.replacement
        if value >= 0, value <= Int(CharacterClasses.maxRune), let valid = Unicode.Scalar(UInt32(value)) {
            scalar = valid
        }
        var out = "'"
        appendEscaped(scalar, quoteMark: "'", asciiOnly: asciiOnly, to: &out)
        out += "'"
        return out
    }

    /// `strconv.CanBackquote`: no control characters other than tab, no
    /// backquote, no DEL, no byte-order mark.
    static func canBackquote(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar == "\u{FEFF}" || scalar == "`" || scalar == "\u{7F}" { return false }
            if scalar.value < 0x20 && scalar != "\t" { return false }
        }
        return true
    }

    private static func appendEscaped(
        _ scalar: Unicode.Scalar, quoteMark: Unicode.Scalar, asciiOnly: Bool, to out: inout String
    ) {
        if scalar == quoteMark || scalar == "\\" {
            out += "\\"
            out.unicodeScalars.append(scalar)
            return
        }
        if asciiOnly {
            if scalar.value < 0x80 && CharacterClasses.isPrint(scalar) {
                out.unicodeScalars.append(scalar)
                return
            }
        } else if CharacterClasses.isPrint(scalar) {
            out.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        default:
            let value = scalar.value
            if value < 0x20 || value == 0x7F {
                out += "\\x" + value.hex(padded: 2, uppercase: false)
            } else if value < 0x10000 {
                out += "\\u" + value.hex(padded: 4, uppercase: false)
            } else {
                out += "\\U" + value.hex(padded: 8, uppercase: false)
            }
        }
    }
}
