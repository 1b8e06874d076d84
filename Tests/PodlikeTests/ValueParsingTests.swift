import Podlike
import Testing

struct ValueParsingTests {
    @Test("byte sizes", arguments: [
        ("512m", Int64(536_870_912)), ("1g", 1_073_741_824), ("64k", 65536), ("1.5g", 1_610_612_736),
        ("100", 100), ("2gb", 2_147_483_648), ("10b", 10), ("1M", 1_048_576),
    ])
    func byteSizes(_ text: String, _ bytes: Int64) {
        #expect(ByteSize.parse(text) == bytes)
    }

    @Test("not byte sizes", arguments: ["lots", "", "-1m", "1x", "m"])
    func notByteSizes(_ text: String) {
        #expect(ByteSize.parse(text) == nil)
    }

    @Test("durations in nanoseconds", arguments: [
        ("1m30s", Int64(90_000_000_000)), ("1.5s", 1_500_000_000), ("500ms", 500_000_000),
        ("1h", 3_600_000_000_000), ("10", 10_000_000_000), ("2.5", 2_500_000_000), ("1h2m3s4ms", 3_723_004_000_000), ("10us", 10_000),
    ])
    func durations(_ text: String, _ nanoseconds: Int64) {
        #expect(ComposeDuration.nanoseconds(text) == nanoseconds)
    }

    @Test("not durations", arguments: ["soon", "", "1d", "-5s", "s"])
    func notDurations(_ text: String) {
        #expect(ComposeDuration.nanoseconds(text) == nil)
    }

    @Test("shell words", arguments: [
        ("echo hello world", ["echo", "hello", "world"]),
        (#"sh -c "echo 'a b'; exit 3""#, ["sh", "-c", "echo 'a b'; exit 3"]),
        (#"printf '%s\n' x"#, ["printf", #"%s\n"#, "x"]),
        (#"a\ b "" c"#, ["a b", "", "c"]),
        ("  spaced   out  ", ["spaced", "out"]),
    ])
    func shellWords(_ line: String, _ words: [String]) throws {
        #expect(try ShellWords.split(line) == words)
    }

    @Test("an unterminated quote is an error")
    func unterminated() {
        #expect(throws: ShellWords.UnterminatedQuote.self) { try ShellWords.split("echo 'oops") }
    }

    @Test("env files: comments, blank lines, export prefixes and quotes")
    func envFile() throws {
        let entries = try EnvFile.parse("# comment\n\nexport A=1\nB = two words \nC=\"quoted # not a comment\"\nD='single'\nE=x # trailing\nF\n")
        #expect(entries.map(\.key) == ["A", "B", "C", "D", "E", "F"])
        #expect(entries.map(\.value) == ["1", "two words", "quoted # not a comment", "single", "x", nil])
    }

    @Test("an env file line that is not KEY=value is an error with its line number")
    func envFileError() throws {
        do {
            _ = try EnvFile.parse("A=1\nnot a variable\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
        }
    }
}
