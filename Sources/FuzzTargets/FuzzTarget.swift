/// One parser of untrusted bytes, as the libFuzzer harness (`fuzz/run.sh`) and
/// the corpus regression test drive it. `run` must end, for any input, in a
/// result or in one of podlike's own error messages: never a trap, a hang, or
/// an error text of Foundation or the Swift runtime.
public struct FuzzTarget: Sendable {
    public let name: String
    public let summary: String
    /// What the input came to, as a user would see it.
    public let run: @Sendable ([UInt8]) -> String

    public static let all: [FuzzTarget] = [.labels, .logStream, .eventStream, .legacyFlags]

    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }

    /// What in an answer shows that a message other than podlike's own reached
    /// the user; nil when there is none.
    public static func foreignText(in answer: String) -> String? {
        let markers = [
            "NSCocoaErrorDomain", "Foundation.", "Swift.DecodingError", "DecodingError.",
            "couldn’t be read", "couldn't be read", "The operation could not be completed", "Fatal error",
        ]
        return markers.first { answer.contains($0) }
    }
}
