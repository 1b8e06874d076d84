/// Go's character classes and UTF-8 helpers, implemented on the standard
/// library's Unicode tables so the package needs no Foundation.
///
/// The lexer and the quoting code work on UTF-8 bytes because Go positions,
/// columns, `len` and `index` are all byte-based.
enum CharacterClasses {
    /// Go's `unicode.MaxRune`.
    static let maxRune: UInt32 = 0x10FFFF
    /// Go's `utf8.RuneError`, used where Go substitutes invalid runes.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Decodes the rune starting at `index`, like `utf8.DecodeRune`:
    /// invalid input yields U+FFFD with width 1, end of input width 0.
    static func decode(_ bytes: [UInt8], at index: Int) -> (scalar: Unicode.Scalar?, width: Int) {
        guard index < bytes.count else { return (nil, 0) }
        let first = bytes[index]
        if first < 0x80 { return (Unicode.Scalar(first), 1) }
        let width: Int
        var value: UInt32
        switch first {
        case 0xC2...0xDF: width = 2; value = UInt32(first & 0x1F)
        case 0xE0...0xEF: width = 3; value = UInt32(first & 0x0F)
        case 0xF0...0xF4: width = 4; value = UInt32(first & 0x07)
        default: return (replacement, 1)
        }
        guard index + width <= bytes.count else { return (replacement, 1) }
        for offset in 1..<width {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (replacement, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), scalar.utf8.count == width else {
            return (replacement, 1)
        }
        return (scalar, width)
    }

    /// Go's template-lexer notion of space: space, tab, CR and LF.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Go's `isAlphaNumeric`: underscore, `unicode.IsLetter`, `unicode.IsDigit`.
    static func isAlphaNumeric(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter,
             .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Go's `unicode.IsPrint`/`strconv.IsPrint`: letters, marks, numbers,
    /// punctuation, symbols and the ASCII space; other spaces are not.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Go's `unicode.IsSpace`, used by `bytes.TrimSpace` when deciding
    /// whether a template body is empty.
    static func isUnicodeSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// Go's `%#U` rendering (`U+0041 'A'`), used in lexer errors.
    static func describeRune(_ scalar: Unicode.Scalar?) -> String {
        guard let scalar else { return "U+FFFFFFFFFFFFFFFF" }
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        if isPrint(scalar) {
            return "U+\(hex) '\(Character(scalar))'"
        }
        return "U+\(hex)"
    }

    /// A byte range of the input as a Swift string; invalid sequences (only
    /// possible after byte-wise slicing) become U+FFFD.
    static func string(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
