import NIOCore
import Testing
@testable import Podlike

@Suite("Container log stream decoding")
struct EngineLogDecoderTests {
    /// One multiplexed frame: stream byte, three zero bytes, big-endian length, payload.
    static func frame(_ stream: UInt8, _ payload: String) -> [UInt8] {
        let bytes = Array(payload.utf8)
        let length = UInt32(bytes.count)
        return [stream, 0, 0, 0, UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + bytes
    }

    /// Several lines in one frame, a line spread over frames, an empty frame,
    /// multi-byte characters, interleaved streams, and a last line without a newline.
    static let multiplexed: [UInt8] =
        frame(1, "line one\nline two\n")
        + frame(2, "err")
        + frame(1, "pa")
        + frame(2, " continues\n")
        + frame(1, "")
        + frame(1, "rtial\n")
        + frame(2, "héllo wörld ✓\n")
        + frame(1, "\n")
        + frame(1, "no newline at the end")

    static let expected: [LogLine] = [
        LogLine(stream: .stdout, text: "line one"),
        LogLine(stream: .stdout, text: "line two"),
        LogLine(stream: .stderr, text: "err continues"),
        LogLine(stream: .stdout, text: "partial"),
        LogLine(stream: .stderr, text: "héllo wörld ✓"),
        LogLine(stream: .stdout, text: ""),
        LogLine(stream: .stdout, text: "no newline at the end"),
    ]

    static func decode(_ chunks: [ByteBuffer], tty: Bool = false, maximumLineLength: Int = 1 << 20) throws -> [LogLine] {
        var decoder = LogStreamDecoder(tty: tty, maximumLineLength: maximumLineLength)
        var lines: [LogLine] = []
        for chunk in chunks {
            lines += try decoder.append(chunk)
        }
        return lines + (try decoder.finish())
    }

    @Test("decodes the same lines whichever byte offset splits the stream")
    func splitAtEveryOffset() throws {
        for offset in 0...Self.multiplexed.count {
            let lines = try Self.decode(chunks(Self.multiplexed, splitAt: [offset]))
            #expect(lines == Self.expected, "split at byte \(offset)")
        }
    }

    @Test("decodes the same lines for every pair of split points")
    func splitAtEveryPairOfOffsets() throws {
        let count = Self.multiplexed.count
        for first in 0...count {
            for second in first...count {
                let lines = try Self.decode(chunks(Self.multiplexed, splitAt: [first, second]))
                if lines != Self.expected {
                    Issue.record("split at bytes \(first) and \(second): \(lines)")
                    return
                }
            }
        }
    }

    @Test("decodes a stream that arrives one byte at a time")
    func oneByteChunks() throws {
        let lines = try Self.decode(chunks(Self.multiplexed, splitAt: Array(1..<Self.multiplexed.count)))
        #expect(lines == Self.expected)
    }

    @Test("the frame decoder hands out payload as it arrives, without waiting for the whole frame")
    func payloadStreams() throws {
        var decoder = LogFrameDecoder()
        let bytes = Self.frame(2, "abcdef")
        decoder.append(ByteBuffer(bytes: bytes[0..<10]))
        #expect(try decoder.next() == LogFrameDecoder.Chunk(stream: .stderr, bytes: ByteBuffer(string: "ab")))
        #expect(try decoder.next() == nil)
        #expect(throws: LogFrameDecoder.TruncatedFrame.self) { try decoder.finish() }
        decoder.append(ByteBuffer(bytes: bytes[10...]))
        #expect(try decoder.next() == LogFrameDecoder.Chunk(stream: .stderr, bytes: ByteBuffer(string: "cdef")))
        #expect(try decoder.next() == nil)
        try decoder.finish()
    }

    @Test("a very long line spread over many 16 KiB frames comes out whole")
    func longLine() throws {
        let line = String(repeating: "0123456789abcdef", count: 20_000)
        var stream: [UInt8] = []
        var rest = Substring(line + "\n")
        while !rest.isEmpty {
            stream += Self.frame(1, String(rest.prefix(16 * 1024)))
            rest = rest.dropFirst(16 * 1024)
        }
        let lines = try Self.decode(chunks(stream, splitAt: [1000, 70_000, 200_001]))
        #expect(lines == [LogLine(stream: .stdout, text: line)])
    }

    @Test("a line longer than the maximum is cut into pieces, never inside a character")
    func overlongLine() throws {
        var assembler = LogLineAssembler(maximumLineLength: 4)
        // "é" is 2 bytes and "€" 3: a cut at byte 4 would split the "€".
        #expect(assembler.append(ByteBuffer(string: "aé€b")) == ["aé"])
        #expect(assembler.append(ByteBuffer(string: "cdefghi\nxy")) == ["€b", "cdef", "ghi"])
        #expect(assembler.finish() == "xy")
        #expect(assembler.finish() == nil)
    }

    @Test("a TTY container's raw stream is all stdout, and its \\r\\n line ends are trimmed")
    func ttyRawStream() throws {
        let raw = Array("one\r\ntwo\r\n\r\nthree".utf8)
        let expected = ["one", "two", "", "three"].map { LogLine(stream: .stdout, text: $0) }
        for offset in 0...raw.count {
            #expect(try Self.decode(chunks(raw, splitAt: [offset]), tty: true) == expected, "split at byte \(offset)")
        }
    }

    @Test("a raw stream read as multiplexed fails with a hint about TTY")
    func rawStreamAsMultiplexed() {
        #expect {
            try Self.decode([ByteBuffer(string: "hello world\n")])
        } throws: { error in
            "\(error)".contains("a container with Tty set sends a raw stream")
        }
    }

    @Test("a stream that stops inside a frame is an error, not a silent loss")
    func truncatedStream() {
        let bytes = Array(Self.frame(1, "complete\n") + Self.frame(1, "cut short").prefix(12))
        #expect(throws: LogFrameDecoder.TruncatedFrame.self) {
            try Self.decode([ByteBuffer(bytes: bytes)])
        }
    }

    @Test("logs() asks for both streams, follows without a timeout, and yields lines as they come")
    func logsThroughTheClient() async throws {
        let transport = InMemoryEngineTransport { _ in
            EngineResponse(status: 200, body: EngineBody(chunks: chunks(Self.multiplexed, splitAt: [3, 30, 31, 90])))
        }
        var lines: [LogLine] = []
        for try await line in try await EngineClient.inMemory(transport).logs("abc", follow: true) {
            lines.append(line)
        }
        #expect(lines == Self.expected)
        let request = try #require(transport.requests.first)
        #expect(request.method == .get)
        #expect(request.path == "/v1.41/containers/abc/logs?stdout=1&stderr=1&follow=1")
        #expect(request.timeout == .unlimited)
    }
}
