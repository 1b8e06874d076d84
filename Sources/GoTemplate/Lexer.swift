/// Splits template text into tokens, on demand, the way Go's `parse.lexer`
/// does: text outside actions, trim markers, comments, then the items inside
/// `{{ }}`. Positions are byte offsets so error columns match Go's.
///
/// Trimming (`{{- ` and ` -}}`) happens here, so the parser never sees the
/// removed white space, exactly as in Go.
struct Lexer: Sendable {
    let input: [UInt8]
    let leftDelim: [UInt8] = Array("{{".utf8)
    let rightDelim: [UInt8] = Array("}}".utf8)
    /// Whether `break`/`continue` are keywords; Go demotes them to plain
    /// identifiers when a function of that name exists.
    var breakIsKeyword = true
    var continueIsKeyword = true

    var pos = 0
    var start = 0
    var parenDepth = 0
    var insideAction = false
    /// Width of the last rune read by `next()`, for `backup()`.
    var lastWidth = 0
    private var failedLine: Int?
    private let newlineOffsets: [Int]

    init(text: String) {
        input = Array(text.utf8)
        var offsets: [Int] = []
        for (index, byte) in input.enumerated() where byte == 0x0A { offsets.append(index) }
        newlineOffsets = offsets
    }

    /// 1 + the number of newlines before `offset`; Go tracks the same count
    /// incrementally as `item.line`.
    func line(at offset: Int) -> Int {
        var low = 0
        var high = newlineOffsets.count
        while low < high {
            let mid = (low + high) / 2
            if newlineOffsets[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low + 1
    }

    /// The next token; after an error or the end, an endless run of EOFs.
    mutating func nextToken() -> Token {
        if let failedLine {
            return Token(kind: .eof, pos: 0, text: "", line: failedLine)
        }
        return insideAction ? lexInsideAction() : lexText()
    }

    // MARK: Token construction

    mutating func emit(_ kind: TokenKind) -> Token {
        let token = Token(
            kind: kind, pos: start,
            text: CharacterClasses.string(input[start..<pos]), line: line(at: start))
        start = pos
        return token
    }

    /// Go's `errorf`: an error item at the current item start, then EOF.
    mutating func fail(_ message: String) -> Token {
        let line = line(at: start)
        failedLine = line
        return Token(kind: .error, pos: start, text: message, line: line)
    }

    // MARK: Byte-level helpers

    func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= input.count else { return false }
        for (index, byte) in prefix.enumerated() where input[offset + index] != byte {
            return false
        }
        return true
    }

    func find(_ needle: [UInt8], from offset: Int) -> Int? {
        guard needle.count <= input.count else { return nil }
        var index = offset
        while index + needle.count <= input.count {
            if hasPrefix(needle, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// `-` followed by a space character: the marker after `{{`.
    func hasLeftTrimMarker(at offset: Int) -> Bool {
        offset + 1 < input.count && input[offset] == UInt8(ascii: "-")
            && CharacterClasses.isSpace(input[offset + 1])
    }

    /// A space character followed by `-`: the marker before `}}`.
    func hasRightTrimMarker(at offset: Int) -> Bool {
        offset + 1 < input.count && CharacterClasses.isSpace(input[offset])
            && input[offset + 1] == UInt8(ascii: "-")
    }

    /// Whether a right delimiter starts here, and whether it trims.
    func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix(rightDelim, at: pos + 2) { return (true, true) }
        if hasPrefix(rightDelim, at: pos) { return (true, false) }
        return (false, false)
    }

    func leadingSpaceCount(from offset: Int) -> Int {
        var index = offset
        while index < input.count && CharacterClasses.isSpace(input[index]) { index += 1 }
        return index - offset
    }

    func trailingSpaceCount(_ range: Range<Int>) -> Int {
        var index = range.upperBound
        while index > range.lowerBound && CharacterClasses.isSpace(input[index - 1]) { index -= 1 }
        return range.upperBound - index
    }

    // MARK: Text and delimiters

    private mutating func lexText() -> Token {
        while true {
            guard let delimAt = find(leftDelim, from: pos) else {
                pos = input.count
                return emit(pos > start ? .text : .eof)
            }
            if delimAt > pos {
                var trimLength = 0
                if hasLeftTrimMarker(at: delimAt + leftDelim.count) {
                    trimLength = trailingSpaceCount(start..<delimAt)
                }
                pos = delimAt - trimLength
                let text = emit(.text)
                pos = delimAt
                start = pos
                if !text.text.isEmpty { return text }
            }
            if let token = lexLeftDelim() { return token }
        }
    }

    /// Returns the `{{` token, an error, or `nil` after skipping a comment.
    private mutating func lexLeftDelim() -> Token? {
        pos += leftDelim.count
        let trim = hasLeftTrimMarker(at: pos)
        let afterMarker = trim ? 2 : 0
        if hasPrefix(Array("/*".utf8), at: pos + afterMarker) {
            pos += afterMarker
            start = pos
            return lexComment()
        }
        let token = emit(.leftDelim)
        insideAction = true
        pos += afterMarker
        start = pos
        parenDepth = 0
        return token
    }

    private mutating func lexComment() -> Token? {
        pos += 2
        guard let end = find(Array("*/".utf8), from: pos) else { return fail("unclosed comment") }
        pos = end + 2
        let (delim, trim) = atRightDelim()
        guard delim else { return fail("comment ends before closing delimiter") }
        if trim { pos += 2 }
        pos += rightDelim.count
        if trim { pos += leadingSpaceCount(from: pos) }
        start = pos
        return nil
    }

    mutating func lexRightDelim() -> Token {
        let (_, trim) = atRightDelim()
        if trim {
            pos += 2
            start = pos
        }
        pos += rightDelim.count
        let token = emit(.rightDelim)
        if trim {
            pos += leadingSpaceCount(from: pos)
            start = pos
        }
        insideAction = false
        return token
    }
}
