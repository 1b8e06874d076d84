/// The flags of one `printf` directive (`%-+# 0`, width, precision).
struct FormatFlags: Sendable {
    var minus = false
    var plus = false
    var sharp = false
    var space = false
    var zero = false
    /// `%+v` and `%#v` are their own formats; Go moves the flags here.
    var plusV = false
    var sharpV = false
    var width: Int?
    var precision: Int?
}

/// Go's low-level `fmt` formatting: padding, integers, strings, quoting.
/// Widths count runes, as Go's do.
extension ValuePrinter {
    mutating func writePadding(_ count: Int) {
        guard count > 0 else { return }
        let pad: Character = flags.zero && !flags.minus ? "0" : " "
        output += String(repeating: pad, count: count)
    }

    /// Writes `text` padded to the width, on the left unless `-`.
    mutating func pad(_ text: String) {
        guard let width = flags.width, width != 0 else {
            output += text
            return
        }
        let fill = width - text.unicodeScalars.count
        if flags.minus {
            output += text
            writePadding(fill)
        } else {
            writePadding(fill)
            output += text
        }
    }

    /// Pads without letting the zero flag apply (numbers pad themselves).
    mutating func padWithoutZero(_ text: String) {
        let zero = flags.zero
        flags.zero = false
        pad(text)
        flags.zero = zero
    }

    mutating func formatBoolean(_ value: Bool) {
        pad(value ? "true" : "false")
    }

    /// Go's `fmtInteger`: sign, precision or zero-fill, `#` prefixes.
    mutating func formatInteger(_ value: UInt64, base: UInt64, signed: Bool, verb: Character, upper: Bool = false) {
        let negative = signed && Int64(bitPattern: value) < 0
        var magnitude = negative ? 0 &- value : value
        var minimumDigits = 0
        if let precision = flags.precision {
            minimumDigits = precision
            if precision == 0 && magnitude == 0 {
                let zero = flags.zero
                flags.zero = false
                writePadding(flags.width ?? 0)
                flags.zero = zero
                return
            }
        } else if flags.zero && !flags.minus, let width = flags.width {
            minimumDigits = width
            if negative || flags.plus || flags.space { minimumDigits -= 1 }
        }
        let digitSet = Array(upper ? "0123456789ABCDEFX" : "0123456789abcdefx")
        var reversed: [Character] = []
        repeat {
            reversed.append(digitSet[Int(magnitude % base)])
            magnitude /= base
        } while magnitude > 0
        while reversed.count < minimumDigits { reversed.append("0") }
        if flags.sharp {
            switch base {
            case 2: reversed.append(contentsOf: ["b", "0"])
            case 8: if reversed.last != "0" { reversed.append("0") }
            case 16: reversed.append(contentsOf: [digitSet[16], "0"])
            default: break
            }
        }
        if verb == "O" { reversed.append(contentsOf: ["o", "0"]) }
        if negative {
            reversed.append("-")
        } else if flags.plus {
            reversed.append("+")
        } else if flags.space {
            reversed.append(" ")
        }
        padWithoutZero(String(reversed.reversed()))
    }

    /// `%U`: `U+0041`, with `#` also the quoted character.
    mutating func formatUnicode(_ value: UInt64) {
        var hex = String(value, radix: 16, uppercase: true)
        let minimum = max(flags.precision ?? 4, 4)
        if hex.count < minimum { hex = String(repeating: "0", count: minimum - hex.count) + hex }
        var text = "U+" + hex
        if flags.sharp, value <= UInt64(CharacterClasses.maxRune),
           let scalar = Unicode.Scalar(UInt32(value)), CharacterClasses.isPrint(scalar) {
            text += " '" + String(Character(scalar)) + "'"
        }
        padWithoutZero(text)
    }

    /// `%c`: the character; invalid code points print as U+FFFD.
    mutating func formatCharacter(_ value: UInt64) {
        var scalar = CharacterClasses.replacement
        if value <= UInt64(CharacterClasses.maxRune), let valid = Unicode.Scalar(UInt32(value)) {
            scalar = valid
        }
        pad(String(Character(scalar)))
    }

    /// `%q` of an integer: a quoted character constant.
    mutating func formatQuotedCharacter(_ value: UInt64) {
        let code = value > UInt64(CharacterClasses.maxRune) ? -1 : Int(value)
        pad(GoQuoting.quoteRune(code, asciiOnly: flags.plus))
    }

    /// Precision truncates strings to that many runes.
    func truncate(_ text: String) -> String {
        guard let precision = flags.precision else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(precision)))
    }

    mutating func formatString(_ text: String) {
        pad(truncate(text))
    }

    /// `%x` of a string: two hex digits per byte; `% x` spaces them,
    /// `%#x` prefixes `0x`.
    mutating func formatHexString(_ text: String, upper: Bool) {
        var bytes = Array(text.utf8)
        if let precision = flags.precision, precision < bytes.count { bytes = Array(bytes.prefix(precision)) }
        guard !bytes.isEmpty else {
            if let width = flags.width { writePadding(width) }
            return
        }
        let digitSet = Array(upper ? "0123456789ABCDEF" : "0123456789abcdef")
        let prefix = upper ? "0X" : "0x"
        var text = flags.sharp ? prefix : ""
        for (index, byte) in bytes.enumerated() {
            if flags.space && index > 0 {
                text += " "
                if flags.sharp { text += prefix }
            }
            text.append(digitSet[Int(byte >> 4)])
            text.append(digitSet[Int(byte & 0xF)])
        }
        let width = text.count
        if let target = flags.width, target > width, !flags.minus { writePadding(target - width) }
        output += text
        if let target = flags.width, target > width, flags.minus { writePadding(target - width) }
    }

    /// `%q` of a string; `%#q` prefers a raw string, `%+q` ASCII escapes.
    mutating func formatQuoted(_ text: String) {
        let text = truncate(text)
        if flags.sharp && GoQuoting.canBackquote(text) {
            pad("`" + text + "`")
        } else {
            pad(flags.plus ? GoQuoting.quoteASCII(text) : GoQuoting.quote(text))
        }
    }
}
