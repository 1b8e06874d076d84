/// Go's `strconv.FormatFloat(v, fmt, prec, 64)` for the formats `fmt`
/// uses: `e E f g G b x X`. A negative precision means "shortest".
enum GoFloat {
    static func format(_ value: Double, _ verb: Character, precision: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let negative = value.sign == .minus
        switch verb {
        case "b": return binaryExponent(value, negative: negative)
        case "x", "X": return hexadecimal(value, negative: negative, precision: precision, upper: verb == "X")
        default: break
        }
        let shortest = precision < 0
        var precision = precision
        var digits: DecimalDigits
        if shortest {
            digits = DecimalDigits.shortest(value)
            switch verb {
            case "e", "E": precision = max(digits.digits.count - 1, 0)
            case "f": precision = max(digits.digits.count - digits.point, 0)
            default: precision = digits.digits.count
            }
        } else {
            digits = DecimalDigits.exact(value)
            switch verb {
            case "e", "E": digits.round(to: precision + 1)
            case "f": digits.round(to: digits.point + precision)
            default:
                if precision == 0 { precision = 1 }
                digits.round(to: precision)
            }
        }
        switch verb {
        case "e", "E":
            return exponential(digits, negative: negative, precision: precision, mark: verb)
        case "f":
            return fixed(digits, negative: negative, precision: precision)
        default:
            return general(digits, negative: negative, precision: precision, upper: verb == "G", shortest: shortest)
        }
    }

    /// `%g`: exponent form for exponents < -4 or >= the precision (6 for
    /// the shortest form), trailing zeros never shown.
    static func general(_ digits: DecimalDigits, negative: Bool, precision: Int, upper: Bool, shortest: Bool) -> String {
        var precision = precision
        var exponentLimit = precision
        let count = digits.digits.count
        if exponentLimit > count && count >= digits.point { exponentLimit = count }
        if shortest { exponentLimit = 6 }
        let exponent = digits.point - 1
        if exponent < -4 || exponent >= exponentLimit {
            if precision > count { precision = count }
            return exponential(digits, negative: negative, precision: precision - 1, mark: upper ? "E" : "e")
        }
        if precision > digits.point { precision = count }
        return fixed(digits, negative: negative, precision: max(precision - digits.point, 0))
    }

    static func exponential(_ digits: DecimalDigits, negative: Bool, precision: Int, mark: Character) -> String {
        var out = negative ? "-" : ""
        let bytes = digits.digits
        out.unicodeScalars.append(Unicode.Scalar(bytes.first ?? UInt8(ascii: "0")))
        if precision > 0 {
            out += "."
            for index in 1...precision {
                out.unicodeScalars.append(Unicode.Scalar(index < bytes.count ? bytes[index] : UInt8(ascii: "0")))
            }
        }
        out.append(mark)
        var exponent = bytes.isEmpty ? 0 : digits.point - 1
        out += exponent < 0 ? "-" : "+"
        exponent = abs(exponent)
        if exponent < 10 { out += "0" }
        out += String(exponent)
        return out
    }

    static func fixed(_ digits: DecimalDigits, negative: Bool, precision: Int) -> String {
        var out = negative ? "-" : ""
        let bytes = digits.digits
        if digits.point > 0 {
            for index in 0..<digits.point {
                out.unicodeScalars.append(Unicode.Scalar(index < bytes.count ? bytes[index] : UInt8(ascii: "0")))
            }
        } else {
            out += "0"
        }
        if precision > 0 {
            out += "."
            for offset in 0..<precision {
                let index = digits.point + offset
                let byte = index >= 0 && index < bytes.count ? bytes[index] : UInt8(ascii: "0")
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    /// `%b`: decimal mantissa and binary exponent, `4503599627370496p-52`.
    private static func binaryExponent(_ value: Double, negative: Bool) -> String {
        let (mantissa, exponent) = DecimalDigits.binaryParts(value)
        return (negative ? "-" : "") + String(mantissa) + "p" + (exponent >= 0 ? "+" : "") + String(exponent)
    }

    /// `%x`: `0x1.8p+01`, hexadecimal mantissa rounded to `precision`
    /// hex digits (all significant digits when negative).
    private static func hexadecimal(_ value: Double, negative: Bool, precision: Int, upper: Bool) -> String {
        var (mantissa, exponent) = DecimalDigits.binaryParts(value)
        exponent += 52
        if mantissa == 0 { exponent = 0 }
        mantissa <<= 8
        while mantissa != 0 && mantissa & (1 << 60) == 0 {
            mantissa <<= 1
            exponent -= 1
        }
        if precision >= 0 && precision < 15 {
            let shift = UInt64(precision * 4)
            let extra = (mantissa << shift) & ((1 << 60) - 1)
            mantissa >>= 60 - shift
            if extra | (mantissa & 1) > 1 << 59 { mantissa += 1 }
            mantissa <<= 60 - shift
            if mantissa & (1 << 61) != 0 {
                mantissa >>= 1
                exponent += 1
            }
        }
        let digitSet = Array(upper ? "0123456789ABCDEF" : "0123456789abcdef")
        var out = negative ? "-" : ""
        out += upper ? "0X" : "0x"
        out += (mantissa >> 60) & 1 == 1 ? "1" : "0"
        mantissa <<= 4
        if precision < 0 && mantissa != 0 {
            out += "."
            while mantissa != 0 {
                out.append(digitSet[Int((mantissa >> 60) & 15)])
                mantissa <<= 4
            }
        } else if precision > 0 {
            out += "."
            for _ in 0..<precision {
                out.append(digitSet[Int((mantissa >> 60) & 15)])
                mantissa <<= 4
            }
        }
        out += upper ? "P" : "p"
        out += exponent < 0 ? "-" : "+"
        let magnitude = abs(exponent)
        if magnitude < 10 { out += "0" }
        out += String(magnitude)
        return out
    }
}

/// Go's handling of `#` on floats: always a decimal point, and for `%g`
/// the trailing zeros up to the precision (6 by default) are kept.
enum FloatSharpFlag {
    static func apply(_ signed: [Character], verb: Character, precision: Int) -> [Character] {
        var number = signed
        var digits = 0
        if verb == "v" || verb == "g" || verb == "G" || verb == "x" {
            digits = precision == -1 ? 6 : precision
        }
        var tail: [Character] = []
        var hasDecimalPoint = false
        var sawNonzeroDigit = false
        var index = 1
        while index < number.count {
            let character = number[index]
            if character == "." {
                hasDecimalPoint = true
            } else if character == "p" || character == "P"
                        || ((character == "e" || character == "E") && verb != "x" && verb != "X") {
                tail = Array(number[index...])
                number.removeSubrange(index...)
                break
            } else {
                if character != "0" { sawNonzeroDigit = true }
                if sawNonzeroDigit { digits -= 1 }
            }
            index += 1
        }
        if !hasDecimalPoint {
            // A lone leading 0 still counts as one significant digit.
            if number.count == 2 && number[1] == "0" { digits -= 1 }
            number.append(".")
        }
        while digits > 0 {
            number.append("0")
            digits -= 1
        }
        return number + tail
    }
}
