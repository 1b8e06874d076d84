/// The `html`, `js` and `urlquery` builtins, escaping exactly as Go's
/// `HTMLEscapeString`, `JSEscapeString` and `url.QueryEscape` do.
enum Escaping {
    /// Go's `evalArgs`: one string argument is used as is; otherwise each
    /// argument is printed as `fmt.Sprint` would, except that nil becomes
    /// the text `<no value>` (as a string, which affects spacing).
    static func joinArguments(_ args: [TemplateValue]) -> String {
        if args.count == 1, case .string(let text) = args[0] { return text }
        let printable = args.map { $0 == .null ? TemplateValue.string("<no value>") : $0 }
        return ValuePrinter.sprint(printable)
    }

    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\0": out += "\u{FFFD}"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func javaScript(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + scalar.value.hex(padded: 2, uppercase: true)
                } else if scalar.value < 0x80 || CharacterClasses.isPrint(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\u" + scalar.value.hex(padded: 4, uppercase: true)
                }
            }
        }
        return out
    }

    /// `url.QueryEscape`: unreserved bytes kept, space as `+`, all other
    /// bytes as upper-case `%XX`.
    static func queryComponent(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += "%" + UInt32(byte).hex(padded: 2, uppercase: true)
            }
        }
        return out
    }
}
