/// Text helpers that Foundation's full module would bring, kept here so that the
/// controller links only FoundationEssentials (no ICU data in the image).
extension StringProtocol {
    /// Without leading and trailing whitespace, newlines included.
    public var trimmingWhitespace: String {
        var text = self[...]
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    /// Left-aligned in a column of `width` characters.
    func padded(to width: Int) -> String {
        String(self) + String(repeating: " ", count: Swift.max(0, width - count))
    }

    /// Percent-encoded UTF-8, every byte outside `allowed` (ASCII) as `%XX`.
    func percentEncoded(keeping allowed: String) -> String {
        let kept = Set(allowed.utf8)
        var result = ""
        for byte in utf8 {
            if kept.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
        }
        return result
    }

    /// Digits with an optional sign, however many: a whole number, even one too
    /// large for any integer type.
    var isWholeNumber: Bool {
        let digits = first == "-" || first == "+" ? dropFirst() : self[...]
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
