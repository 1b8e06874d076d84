/// The lexical items of Go's template language; the names follow Go's
/// `itemType` so the parser can be checked against Go's behaviour.
enum TokenKind: Sendable, Equatable {
    case error, bool, char, charConstant, complex, assign, declare, eof
    case field, identifier, leftDelim, leftParen, number, pipe, rawString
    case rightDelim, rightParen, space, string, text, variable
    // Keywords (Go prints these as `<word>` in errors).
    case block, breakKeyword, continueKeyword, dot, define, elseKeyword, end
    case ifKeyword, nilKeyword, range, template, with

    var isKeyword: Bool {
        switch self {
        case .block, .breakKeyword, .continueKeyword, .dot, .define, .elseKeyword, .end,
             .ifKeyword, .nilKeyword, .range, .template, .with:
            return true
        default:
            return false
        }
    }

    /// Keyword spelled by an identifier-like word, as in Go's `key` table.
    static func keyword(_ word: String) -> TokenKind? {
        switch word {
        case ".": return .dot
        case "block": return .block
        case "break": return .breakKeyword
        case "continue": return .continueKeyword
        case "define": return .define
        case "else": return .elseKeyword
        case "end": return .end
        case "if": return .ifKeyword
        case "range": return .range
        case "nil": return .nilKeyword
        case "template": return .template
        case "with": return .with
        default: return nil
        }
    }
}

/// One lexed item: its kind, byte offset, text, and the line it starts on.
struct Token: Sendable, CustomStringConvertible {
    var kind: TokenKind
    var pos: Int
    var text: String
    var line: Int

    /// Go's `item.String()`, which parse errors quote verbatim
    /// (`unexpected "}" in operand`, `unexpected <end> in command`).
    var description: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return text
        case _ where kind.isKeyword: return "<\(text)>"
        default:
            if text.utf8.count > 10 {
                return GoQuoting.quote(String(text.unicodeScalars.prefix(10))) + "..."
            }
            return GoQuoting.quote(text)
        }
    }
}
