/// `print`, `println` and `printf`: Go's `fmt.Sprint`, `fmt.Sprintln`
/// and `fmt.Sprintf`, including the in-band error reports Go writes into
/// the output (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int=1)`).
extension ValuePrinter {
    /// Spaces between operands when neither side is a string.
    static func sprint(_ args: [TemplateValue]) -> String {
        var printer = ValuePrinter()
        var previousIsString = false
        for (index, arg) in args.enumerated() {
            let isString: Bool
            if case .string = arg { isString = true } else { isString = false }
            if index > 0 && !isString && !previousIsString { printer.output += " " }
            printer.printArgument(arg, verb: "v")
            previousIsString = isString
        }
        return printer.output
    }

    /// Always spaces between operands, and a final newline.
    static func sprintln(_ args: [TemplateValue]) -> String {
        var printer = ValuePrinter()
        for (index, arg) in args.enumerated() {
            if index > 0 { printer.output += " " }
            printer.printArgument(arg, verb: "v")
        }
        return printer.output + "\n"
    }

    static func sprintf(_ format: String, _ args: [TemplateValue]) -> String {
        var printer = ValuePrinter()
        printer.printf(Array(format.unicodeScalars), args)
        return printer.output
    }

    /// Go's `doPrintf`, directive by directive.
    private mutating func printf(_ format: [Unicode.Scalar], _ args: [TemplateValue]) {
        var directive = DirectiveState()
        var index = 0
        while index < format.count {
            let start = index
            while index < format.count && format[index] != "%" { index += 1 }
            if index > start { output.unicodeScalars.append(contentsOf: format[start..<index]) }
            guard index < format.count else { break }
            index += 1  // Past '%'.
            flags = FormatFlags()
            directive.goodArgumentNumber = true
            flagLoop: while index < format.count {
                switch format[index] {
                case "#": flags.sharp = true
                case "0": flags.zero = true
                case "+": flags.plus = true
                case "-": flags.minus = true
                case " ": flags.space = true
                default: break flagLoop
                }
                index += 1
            }
            directive.afterIndex = directive.argumentNumber(format, &index, args.count)
            if index < format.count && format[index] == "*" {
                index += 1
                let (width, ok) = directive.integerArgument(args)
                flags.width = ok ? width : nil
                if !ok { output += "%!(BADWIDTH)" }
                if let width = flags.width, width < 0 {
                    flags.width = -width
                    flags.minus = true
                    flags.zero = false  // No zero padding on the right.
                }
                directive.afterIndex = false
            } else {
                flags.width = Self.parseNumber(format, &index, end: format.count)
                if directive.afterIndex && flags.width != nil { directive.goodArgumentNumber = false }
            }
            if index + 1 < format.count && format[index] == "." {
                index += 1
                if directive.afterIndex { directive.goodArgumentNumber = false }
                directive.afterIndex = directive.argumentNumber(format, &index, args.count)
                if index < format.count && format[index] == "*" {
                    index += 1
                    let (precision, ok) = directive.integerArgument(args)
                    // A negative precision counts as a bad one, as in Go.
                    flags.precision = ok && precision >= 0 ? precision : nil
                    if flags.precision == nil { output += "%!(BADPREC)" }
                    directive.afterIndex = false
                } else {
                    flags.precision = Self.parseNumber(format, &index, end: format.count) ?? 0
                }
            }
            if !directive.afterIndex {
                directive.afterIndex = directive.argumentNumber(format, &index, args.count)
            }
            guard index < format.count else {
                output += "%!(NOVERB)"
                break
            }
            let verb = Character(format[index])
            index += 1
            if verb == "%" {
                output += "%"
            } else if !directive.goodArgumentNumber {
                output += "%!" + String(verb) + "(BADINDEX)"
            } else if directive.next >= args.count {
                output += "%!" + String(verb) + "(MISSING)"
            } else {
                if verb == "v" {
                    flags.sharpV = flags.sharp
                    flags.sharp = false
                    flags.plusV = flags.plus
                    flags.plus = false
                }
                printArgument(args[directive.next], verb: verb)
                directive.next += 1
            }
        }
        if !directive.reordered && directive.next < args.count {
            flags = FormatFlags()
            output += "%!(EXTRA "
            for (position, arg) in args[directive.next...].enumerated() {
                if position > 0 { output += ", " }
                if arg == .null {
                    output += "<nil>"
                } else {
                    output += arg.goTypeName + "="
                    printArgument(arg, verb: "v")
                }
            }
            output += ")"
        }
    }

    /// Go's `parsenum`: decimal digits from `index` up to `end`; `nil` when
    /// there are none. An absurdly long number skips to `end`, as in Go.
    static func parseNumber(_ format: [Unicode.Scalar], _ index: inout Int, end: Int) -> Int? {
        var value = 0
        var found = false
        while index < end, format[index].value >= 0x30, format[index].value <= 0x39 {
            if value > 1_000_000 {
                index = end
                return nil
            }
            value = value * 10 + Int(format[index].value - 0x30)
            found = true
            index += 1
        }
        return found ? value : nil
    }
}

/// Argument bookkeeping for one `printf` call: the next operand and
/// explicit `%[n]` indexes.
struct DirectiveState: Sendable {
    var next = 0
    var reordered = false
    var goodArgumentNumber = true
    var afterIndex = false

    /// Parses `[n]` at `index` if present; returns whether one was read.
    mutating func argumentNumber(_ format: [Unicode.Scalar], _ index: inout Int, _ count: Int) -> Bool {
        guard index < format.count, format[index] == "[" else { return false }
        reordered = true
        var cursor = index + 1
        while cursor < format.count && format[cursor] != "]" { cursor += 1 }
        guard cursor < format.count, format.count - index >= 3 else {
            index += 1
            goodArgumentNumber = false
            return false
        }
        var digitIndex = index + 1
        let number = ValuePrinter.parseNumber(format, &digitIndex, end: cursor)
        index = cursor + 1
        guard let number, digitIndex == cursor else {
            goodArgumentNumber = false
            return false
        }
        if number - 1 >= 0 && number - 1 < count {
            next = number - 1
            return true
        }
        goodArgumentNumber = false
        return true
    }

    /// Go's `intFromArg` for `*` widths and precisions.
    mutating func integerArgument(_ args: [TemplateValue]) -> (Int, Bool) {
        guard next < args.count else { return (0, false) }
        defer { next += 1 }
        guard case .int(let value) = args[next], value <= 1_000_000, value >= -1_000_000 else { return (0, false) }
        return (value, true)
    }
}
