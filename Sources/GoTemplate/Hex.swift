extension UInt32 {
    /// The value in hexadecimal, zero-padded to at least `digits` digits, as
    /// Go's escapes write it: upper case in `html`/`js`/`urlquery`, lower in `%q`.
    func hex(padded digits: Int, uppercase: Bool) -> String {
        let text = String(self, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }
}
