/// Lexing inside `{{ }}`: operators, spaces, identifiers, fields and
/// variables. Literal scanning (numbers, strings, chars) is in
/// `LexerLiterals.swift`.
extension Lexer {
    /// Reads one rune, remembering its width for `backup()`; `nil` at end.
    mutating func next() -> Unicode.Scalar? {
        let (scalar, width) = CharacterClasses.decode(input, at: pos)
        pos += width
        lastWidth = width
        return scalar
    }

    mutating func backup() {
        pos -= lastWidth
        lastWidth = 0
    }

    func peek() -> Unicode.Scalar? {
        CharacterClasses.decode(input, at: pos).scalar
    }

    mutating func lexInsideAction() -> Token {
        if atRightDelim().delim {
            if parenDepth == 0 { return lexRightDelim() }
            return fail("unclosed left paren")
        }
        guard let scalar = next() else { return fail("unclosed action") }
        switch scalar {
        case " ", "\t", "\r", "\n":
            backup()  // Put the space back in case it starts " -}}".
            return lexSpace()
        case "=":
            return emit(.assign)
        case ":":
            guard next() == "=" else { return fail("expected :=") }
            return emit(.declare)
        case "|":
            return emit(.pipe)
        case "\"":
            return lexQuote()
        case "`":
            return lexRawQuote()
        case "$":
            return lexVariable()
        case "'":
            return lexChar()
        case ".":
            // ".field" unless a digit follows, in which case it is a number.
            if pos < input.count && !(input[pos] >= UInt8(ascii: "0") && input[pos] <= UInt8(ascii: "9")) {
                return lexFieldOrVariable(.field)
            }
            backup()
            return lexNumber()
        case "+", "-", "0"..."9":
            backup()
            return lexNumber()
        case "(":
            parenDepth += 1
            return emit(.leftParen)
        case ")":
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right paren") }
            return emit(.rightParen)
        default:
            if CharacterClasses.isAlphaNumeric(scalar) {
                backup()
                return lexIdentifier()
            }
            if scalar.value < 0x80 && CharacterClasses.isPrint(scalar) {
                return emit(.char)
            }
            return fail("unrecognized character in action: \(CharacterClasses.describeRune(scalar))")
        }
    }

    /// A run of spaces; a single space that begins ` -}}` is not a token.
    private mutating func lexSpace() -> Token {
        var count = 0
        while pos < input.count && CharacterClasses.isSpace(input[pos]) {
            pos += 1
            count += 1
        }
        if hasRightTrimMarker(at: pos - 1) && hasPrefix(rightDelim, at: pos + 1) {
            pos -= 1  // Before the space that belongs to the trim marker.
            if count == 1 { return lexRightDelim() }
        }
        return emit(.space)
    }

    private mutating func lexIdentifier() -> Token {
        var last: Unicode.Scalar?
        repeat { last = next() } while CharacterClasses.isAlphaNumeric(last)
        backup()
        let word = CharacterClasses.string(input[start..<pos])
        guard atTerminator() else {
            return fail("bad character \(CharacterClasses.describeRune(last))")
        }
        if let keyword = TokenKind.keyword(word) {
            if keyword == .breakKeyword && !breakIsKeyword { return emit(.identifier) }
            if keyword == .continueKeyword && !continueIsKeyword { return emit(.identifier) }
            return emit(keyword)
        }
        if word == "true" || word == "false" { return emit(.bool) }
        return emit(.identifier)
    }

    private mutating func lexVariable() -> Token {
        if atTerminator() { return emit(.variable) }  // Just "$".
        return lexFieldOrVariable(.variable)
    }

    /// `.Name` or `$name`, the leading character already consumed.
    private mutating func lexFieldOrVariable(_ kind: TokenKind) -> Token {
        if atTerminator() { return emit(kind == .variable ? .variable : .dot) }
        var last: Unicode.Scalar?
        repeat { last = next() } while CharacterClasses.isAlphaNumeric(last)
        backup()
        guard atTerminator() else {
            return fail("bad character \(CharacterClasses.describeRune(last))")
        }
        return emit(kind)
    }

    /// Whether an identifier may end here. Splits `.X.Y` into `.X` and
    /// `.Y`, and rejects `$x+2`, as Go does.
    mutating func atTerminator() -> Bool {
        guard pos < input.count else { return true }
        let byte = input[pos]
        if CharacterClasses.isSpace(byte) { return true }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ":"),
             UInt8(ascii: ")"), UInt8(ascii: "("):
            return true
        default:
            return hasPrefix(rightDelim, at: pos)
        }
    }
}
