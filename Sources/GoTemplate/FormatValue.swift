/// Go's `fmt` printer (`pp`) for template values: which verbs apply to
/// which kinds, how lists and maps are printed element by element with the
/// same verb, and the `%!d(string=x)` diagnostics for mismatches.
struct ValuePrinter: Sendable {
    var output = ""
    var flags = FormatFlags()

    /// `fmt.Sprint(value)` or `fmt.Sprintf("%s", value)`, without flags.
    static func format(_ value: TemplateValue, verb: Character = "v") -> String {
        var printer = ValuePrinter()
        printer.printArgument(value, verb: verb)
        return printer.output
    }

    /// Go's `printArg`: a top-level operand, where `nil` is a bare nil.
    mutating func printArgument(_ value: TemplateValue, verb: Character) {
        if value == .null {
            if verb == "T" || verb == "v" { pad("<nil>") } else { badVerb(verb, value) }
            return
        }
        switch verb {
        case "T":
            formatString(value.goTypeName)
            return
        case "p":
            badVerb(verb, value)
            return
        case "w":
            // Go rejects %w outside Errorf before looking inside collections.
            switch value {
            case .list, .map, .function:
                badVerb(verb, value)
                return
            default:
                break
            }
        default:
            break
        }
        printValue(value, verb: verb, depth: 0)
    }

    /// Go's `printValue`. `.null` here is a nil stored in a list or map.
    mutating func printValue(_ value: TemplateValue, verb: Character, depth: Int) {
        switch value {
        case .null:
            output += flags.sharpV ? "interface {}(nil)" : "<nil>"
        case .bool(let bool):
            if verb == "t" || verb == "v" { formatBoolean(bool) } else { badVerb(verb, value) }
        case .int(let int):
            printInteger(int, verb: verb)
        case .float(let float):
            printFloat(float, verb: verb)
        case .string(let text):
            printString(text, verb: verb)
        case .list(let elements):
            if flags.sharpV {
                output += value.goTypeName + "{"
                for (index, element) in elements.enumerated() {
                    if index > 0 { output += ", " }
                    printValue(element, verb: verb, depth: depth + 1)
                }
                output += "}"
            } else {
                output += "["
                for (index, element) in elements.enumerated() {
                    if index > 0 { output += " " }
                    printValue(element, verb: verb, depth: depth + 1)
                }
                output += "]"
            }
        case .map(let map):
            output += flags.sharpV ? value.goTypeName + "{" : "map["
            for (index, key) in TemplateValue.sortedKeys(map).enumerated() {
                if index > 0 { output += flags.sharpV ? ", " : " " }
                printValue(.string(key), verb: verb, depth: depth + 1)
                output += ":"
                printValue(map[key] ?? .null, verb: verb, depth: depth + 1)
            }
            output += flags.sharpV ? "}" : "]"
        case .function(let function):
            // Go prints a function's address; there is none to print here.
            if verb == "v" { pad("func(\(function.name))") } else { badVerb(verb, value) }
        }
    }

    private mutating func printInteger(_ value: Int, verb: Character) {
        let bits = UInt64(bitPattern: Int64(value))
        switch verb {
        case "v", "d": formatInteger(bits, base: 10, signed: true, verb: verb)
        case "b": formatInteger(bits, base: 2, signed: true, verb: verb)
        case "o", "O": formatInteger(bits, base: 8, signed: true, verb: verb)
        case "x": formatInteger(bits, base: 16, signed: true, verb: verb)
        case "X": formatInteger(bits, base: 16, signed: true, verb: verb, upper: true)
        case "c": formatCharacter(bits)
        case "q": formatQuotedCharacter(bits)
        case "U": formatUnicode(bits)
        default: badVerb(verb, .int(value))
        }
    }

    private mutating func printFloat(_ value: Double, verb: Character) {
        switch verb {
        case "v": formatFloat(value, verb: "g", precision: -1)
        case "b", "g", "G", "x", "X": formatFloat(value, verb: verb, precision: -1)
        case "f", "e", "E": formatFloat(value, verb: verb, precision: 6)
        case "F": formatFloat(value, verb: "f", precision: 6)
        default: badVerb(verb, .float(value))
        }
    }

    private mutating func printString(_ text: String, verb: Character) {
        switch verb {
        case "v": if flags.sharpV { formatQuoted(text) } else { formatString(text) }
        case "s": formatString(text)
        case "x": formatHexString(text, upper: false)
        case "X": formatHexString(text, upper: true)
        case "q": formatQuoted(text)
        default: badVerb(verb, .string(text))
        }
    }

    /// `%!verb(type=value)`, keeping the directive's other flags.
    mutating func badVerb(_ verb: Character, _ value: TemplateValue) {
        output += "%!" + String(verb) + "("
        if value == .null {
            output += "<nil>"
        } else {
            output += value.goTypeName + "="
            printValue(value, verb: "v", depth: 0)
        }
        output += ")"
    }

    /// Go's `fmt.fmtFloat`: sign handling, `#` keeping the point and
    /// trailing zeros, zero padding after the sign, Inf/NaN unpadded by 0.
    mutating func formatFloat(_ value: Double, verb: Character, precision: Int) {
        let precision = flags.precision ?? precision
        var number = Array(GoFloat.format(value, verb, precision: precision))
        if number[0] == "-" || number[0] == "+" {
            // Already signed ("-1.5", "+Inf").
        } else {
            number.insert("+", at: 0)
        }
        if flags.space && number[0] == "+" && !flags.plus { number[0] = " " }
        if number[1] == "I" || number[1] == "N" {
            if number[1] == "N" && !flags.space && !flags.plus { number.removeFirst() }
            padWithoutZero(String(number))
            return
        }
        if flags.sharp && verb != "b" {
            number = FloatSharpFlag.apply(number, verb: verb, precision: precision)
        }
        if flags.plus || number[0] != "+" {
            if flags.zero && !flags.minus, let width = flags.width, width > number.count {
                output.append(number[0])
                writePadding(width - number.count)
                output += String(number.dropFirst())
                return
            }
            pad(String(number))
            return
        }
        pad(String(number.dropFirst()))
    }
}
