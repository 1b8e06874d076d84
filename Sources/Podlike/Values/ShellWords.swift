/// Splits a command line the way a POSIX shell would, without expanding anything:
/// single and double quotes and backslash escapes.
public enum ShellWords {
    public struct UnterminatedQuote: Error {}

    public static func split(_ line: String) throws(UnterminatedQuote) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var iterator = line.makeIterator()
        while let char = iterator.next() {
            switch (quote, char) {
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case ("'", _):
                current.append(char)
            case ("\"", "\\"):
                guard let next = iterator.next() else { throw UnterminatedQuote() }
                if !"$`\"\\\n".contains(next) { current.append("\\") }
                if next != "\n" { current.append(next) }
            case ("\"", _):
                current.append(char)
            case (_, "'"), (_, "\""):
                quote = char
                inWord = true
            case (_, "\\"):
                guard let next = iterator.next() else { throw UnterminatedQuote() }
                if next != "\n" { current.append(next) }
                inWord = true
            case (_, _) where char.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(char)
                inWord = true
            }
        }
        guard quote == nil else { throw UnterminatedQuote() }
        if inWord { words.append(current) }
        return words
    }
}
