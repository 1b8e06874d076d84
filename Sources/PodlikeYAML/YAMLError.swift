/// Why a text is not a value podlike can read: libyaml's own diagnosis, or a
/// limit or rule of podlike's, with where it was found.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var mark: Node.Mark?

    public init(_ message: String, at mark: Node.Mark?) {
        self.message = message
        self.mark = mark
    }

    public var description: String {
        guard let mark else { return message }
        return "line \(mark.line), column \(mark.column): \(message)"
    }
}
