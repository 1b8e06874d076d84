/// Why a stack could not be templated: a source that can't be read, a
/// template that fails, or configuration of the wrong shape. The message says
/// which and what to write instead; the command exits with 125 for any.
public struct TemplateFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
