/// The decimal digits of a finite `Double`, as Go's `strconv` produces
/// them: either the shortest digits that read back to the same value
/// (for `%v`/`%g`) or the exact expansion, rounded half-to-even on exact
/// ties (for `%e`/`%f` and explicit precisions). Exact arithmetic makes
/// `%.2f` of 2.675 print `2.67` as Go does, not `2.68`.
struct DecimalDigits: Sendable {
    /// ASCII digits without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// Decimal point position: the value is `0.digits × 10^point`.
    var point: Int

    /// Shortest round-tripping digits. Swift's `description` already finds
    /// them (closest shortest, like Go's Ryū); only the layout differs.
    static func shortest(_ value: Double) -> DecimalDigits {
        let text = value.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for byte in mantissa.utf8 {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(byte)
            if !seenPoint { point += 1 }
        }
        var result = DecimalDigits(digits: digits, point: point + exponent)
        result.normalize()
        return result
    }

    /// The exact decimal expansion of |value| (at most ~770 digits).
    static func exact(_ value: Double) -> DecimalDigits {
        let (mantissa, exponent) = binaryParts(value)
        guard mantissa != 0 else { return DecimalDigits(digits: [], point: 0) }
        var number = BigDecimalInteger(mantissa)
        var point: Int
        if exponent >= 0 {
            number.multiply(byPowerOf: 2, exponent: exponent)
            point = 0
        } else {
            // m × 2^-k = m × 5^k / 10^k.
            number.multiply(byPowerOf: 5, exponent: -exponent)
            point = exponent
        }
        let digits = number.decimalDigits()
        point += digits.count
        var result = DecimalDigits(digits: digits, point: point)
        result.normalize()
        return result
    }

    /// `value = mantissa × 2^exponent`, with the implicit bit included.
    static func binaryParts(_ value: Double) -> (mantissa: UInt64, exponent: Int) {
        let biased = Int(value.exponentBitPattern)
        var mantissa = value.significandBitPattern
        if biased == 0 { return (mantissa, -1074) }
        mantissa |= 1 << 52
        return (mantissa, biased - 1075)
    }

    /// Drops leading zeros (moving the point) and trailing zeros.
    private mutating func normalize() {
        var leading = 0
        while leading < digits.count && digits[leading] == UInt8(ascii: "0") { leading += 1 }
        digits.removeFirst(leading)
        point -= leading
        trimTrailingZeros()
    }

    private mutating func trimTrailingZeros() {
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { point = 0 }
    }

    /// Go's `decimal.Round(nd)`: keep `count` digits, rounding half to even
    /// when the dropped part is exactly one half. Negative counts keep all.
    mutating func round(to count: Int) {
        guard count >= 0, count < digits.count else { return }
        if shouldRoundUp(count) {
            for index in stride(from: count - 1, through: 0, by: -1) where digits[index] < UInt8(ascii: "9") {
                digits[index] += 1
                digits.removeSubrange((index + 1)...)
                return
            }
            digits = [UInt8(ascii: "1")]
            point += 1
        } else {
            digits.removeSubrange(count...)
            trimTrailingZeros()
        }
    }

    private func shouldRoundUp(_ count: Int) -> Bool {
        if digits[count] == UInt8(ascii: "5") && count + 1 == digits.count {
            return count > 0 && (digits[count - 1] - UInt8(ascii: "0")) % 2 == 1
        }
        return digits[count] >= UInt8(ascii: "5")
    }
}

/// A non-negative integer in base 10⁹ limbs (least significant first),
/// just enough arithmetic for exact float-to-decimal conversion.
struct BigDecimalInteger: Sendable {
    private static let base: UInt64 = 1_000_000_000
    private var limbs: [UInt64]

    init(_ value: UInt64) {
        limbs = []
        var rest = value
        repeat {
            limbs.append(rest % Self.base)
            rest /= Self.base
        } while rest > 0
    }

    /// Multiplies by `factor^exponent` in chunks small enough that a limb
    /// product plus carry fits in 64 bits.
    mutating func multiply(byPowerOf factor: UInt64, exponent: Int) {
        let chunkExponent = factor == 2 ? 31 : 13
        var remaining = exponent
        while remaining > 0 {
            let step = min(remaining, chunkExponent)
            var multiplier: UInt64 = 1
            for _ in 0..<step { multiplier *= factor }
            multiply(by: multiplier)
            remaining -= step
        }
    }

    private mutating func multiply(by multiplier: UInt64) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = limbs[index] * multiplier + carry
            limbs[index] = product % Self.base
            carry = product / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    func decimalDigits() -> [UInt8] {
        var out = Array(String(limbs[limbs.count - 1]).utf8)
        for limb in limbs.dropLast().reversed() {
            let text = Array(String(limb).utf8)
            out.append(contentsOf: Array(repeating: UInt8(ascii: "0"), count: 9 - text.count))
            out.append(contentsOf: text)
        }
        return out
    }
}
