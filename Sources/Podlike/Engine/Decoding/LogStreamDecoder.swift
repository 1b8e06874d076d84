import NIOCore

/// Splits the multiplexed stream of `GET /containers/{id}/logs` (non-TTY
/// containers) into pieces of stdout and stderr. Each frame is an 8-byte header
/// (stream byte, three zero bytes, big-endian UInt32 length) and then the payload.
/// Payload comes out as it arrives, so a huge frame never has to sit in memory whole,
/// and any split of the network chunks gives the same bytes per stream.
public struct LogFrameDecoder: Sendable {
    public struct Chunk: Sendable, Equatable {
        public var stream: LogLine.Stream
        public var bytes: ByteBuffer
    }

    /// A header that can't be one: usually the raw stream of a TTY container read as
    /// if it were multiplexed.
    public struct MalformedFrame: Error, CustomStringConvertible {
        public var header: [UInt8]
        public var description: String {
            "the log stream is not multiplexed (frame header \(header)); a container with Tty set sends a raw stream"
        }
    }

    /// Ended inside a frame: the connection dropped mid-message.
    public struct TruncatedFrame: Error, CustomStringConvertible {
        public var missingBytes: Int
        public var description: String { "the log stream ended \(missingBytes) bytes short of the end of a frame" }
    }

    static let headerLength = 8

    private var buffer = ByteBuffer()
    private var currentStream: LogLine.Stream = .stdout
    /// Payload bytes of the current frame not yet returned.
    private var remainingInFrame = 0

    public init() {}

    public mutating func append(_ bytes: ByteBuffer) {
        if buffer.readableBytes == 0 {
            buffer = bytes
        } else {
            buffer.discardReadBytes()
            buffer.writeImmutableBuffer(bytes)
        }
    }

    /// The next piece of payload, or nil until more bytes arrive.
    public mutating func next() throws -> Chunk? {
        while true {
            if remainingInFrame > 0 {
                guard buffer.readableBytes > 0 else { return nil }
                let length = min(remainingInFrame, buffer.readableBytes)
                remainingInFrame -= length
                return Chunk(stream: currentStream, bytes: buffer.readSlice(length: length)!)
            }
            guard buffer.readableBytes >= Self.headerLength else { return nil }
            let header = buffer.getBytes(at: buffer.readerIndex, length: Self.headerLength)!
            guard header[1] == 0, header[2] == 0, header[3] == 0, header[0] <= 3 else {
                throw MalformedFrame(header: header)
            }
            buffer.moveReaderIndex(forwardBy: 4)
            let length = buffer.readInteger(endianness: .big, as: UInt32.self)!
            // 0 is stdin (echoed back by some drivers), 3 the daemon's own errors.
            currentStream = header[0] == 2 || header[0] == 3 ? .stderr : .stdout
            remainingInFrame = Int(length)
        }
    }

    /// Throws if the stream ended inside a frame; call once the body has ended.
    public func finish() throws {
        let missing = remainingInFrame > 0 ? remainingInFrame : (buffer.readableBytes > 0 ? Self.headerLength - buffer.readableBytes : 0)
        if missing > 0 { throw TruncatedFrame(missingBytes: missing) }
    }
}

/// Turns one stream's bytes into lines. A line may span chunks and frames; a
/// final line without a newline comes out of `finish()`. Lines longer than
/// `maximumLineLength` bytes are cut into pieces (at a UTF-8 character boundary),
/// so one runaway line can't exhaust memory.
public struct LogLineAssembler: Sendable {
    public let maximumLineLength: Int
    /// TTY output ends lines with `\r\n`.
    public let stripsCarriageReturn: Bool
    private var partial: [UInt8] = []

    public init(maximumLineLength: Int = 1 << 20, stripsCarriageReturn: Bool = false) {
        precondition(maximumLineLength > 0)
        self.maximumLineLength = maximumLineLength
        self.stripsCarriageReturn = stripsCarriageReturn
    }

    /// The lines that `bytes` completes.
    public mutating func append(_ bytes: ByteBuffer) -> [String] {
        var lines: [String] = []
        bytes.withUnsafeReadableBytes { raw in
            var start = raw.startIndex
            while let newline = raw[start...].firstIndex(of: UInt8(ascii: "\n")) {
                partial.append(contentsOf: raw[start..<newline])
                cutOverlongPieces(into: &lines)
                lines.append(takeLine())
                start = newline + 1
            }
            partial.append(contentsOf: raw[start...])
        }
        cutOverlongPieces(into: &lines)
        return lines
    }

    /// The last line, when the stream ended without a newline.
    public mutating func finish() -> String? {
        partial.isEmpty ? nil : takeLine()
    }

    private mutating func takeLine() -> String {
        if stripsCarriageReturn, partial.last == UInt8(ascii: "\r") {
            partial.removeLast()
        }
        let line = String(decoding: partial, as: UTF8.self)
        partial.removeAll(keepingCapacity: partial.count <= 4096)
        return line
    }

    private mutating func cutOverlongPieces(into lines: inout [String]) {
        while partial.count > maximumLineLength {
            var cut = maximumLineLength
            // Step back over UTF-8 continuation bytes so no character is split.
            while cut > 0, partial[cut] & 0xC0 == 0x80 { cut -= 1 }
            if cut == 0 { cut = maximumLineLength }
            lines.append(String(decoding: partial[..<cut], as: UTF8.self))
            partial.removeFirst(cut)
        }
    }
}

/// The whole log pipeline without I/O: bytes in, lines out. Multiplexed for
/// ordinary containers; raw stdout, lines ending in `\r\n`, for TTY containers.
public struct LogStreamDecoder: Sendable {
    public let tty: Bool
    private var frames = LogFrameDecoder()
    private var stdout: LogLineAssembler
    private var stderr: LogLineAssembler

    public init(tty: Bool, maximumLineLength: Int = 1 << 20) {
        self.tty = tty
        self.stdout = LogLineAssembler(maximumLineLength: maximumLineLength, stripsCarriageReturn: tty)
        self.stderr = LogLineAssembler(maximumLineLength: maximumLineLength)
    }

    /// The lines that `bytes` completes, in the order the container wrote them.
    public mutating func append(_ bytes: ByteBuffer) throws -> [LogLine] {
        if tty {
            return stdout.append(bytes).map { LogLine(stream: .stdout, text: $0) }
        }
        frames.append(bytes)
        var lines: [LogLine] = []
        while let chunk = try frames.next() {
            switch chunk.stream {
            case .stdout: lines += stdout.append(chunk.bytes).map { LogLine(stream: .stdout, text: $0) }
            case .stderr: lines += stderr.append(chunk.bytes).map { LogLine(stream: .stderr, text: $0) }
            }
        }
        return lines
    }

    /// Unterminated last lines, stdout first; throws if the stream stopped mid-frame.
    public mutating func finish() throws -> [LogLine] {
        var lines: [LogLine] = []
        if let last = stdout.finish() { lines.append(LogLine(stream: .stdout, text: last)) }
        if let last = stderr.finish() { lines.append(LogLine(stream: .stderr, text: last)) }
        if !tty { try frames.finish() }
        return lines
    }
}
