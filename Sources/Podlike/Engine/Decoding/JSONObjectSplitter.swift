import NIOCore

/// Cuts a stream of concatenated JSON objects (events, pull progress) into one
/// buffer per object. It tracks nesting and strings rather than trusting line
/// breaks, so an object split across network chunks at any byte, or two objects in
/// one chunk, come out the same.
struct JSONObjectSplitter: Sendable {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    let maximumObjectBytes: Int
    private var buffer = ByteBuffer()
    /// Bytes from the reader index that belong to the object being scanned.
    private var scanned = 0
    private var depth = 0
    private var inString = false
    private var escaped = false

    init(maximumObjectBytes: Int = 16 << 20) {
        self.maximumObjectBytes = maximumObjectBytes
    }

    mutating func append(_ bytes: ByteBuffer) {
        if buffer.readableBytes == 0 {
            buffer = bytes
        } else {
            buffer.discardReadBytes()
            buffer.writeImmutableBuffer(bytes)
        }
    }

    /// The next complete object, or nil until more bytes arrive.
    mutating func next() throws -> ByteBuffer? {
        if depth == 0 {
            // Between objects: skip the newlines (`\n`, `\r\n`) that separate them.
            while let first = buffer.readableBytesView.first, Self.isWhitespace(first) {
                buffer.moveReaderIndex(forwardBy: 1)
            }
            guard let first = buffer.readableBytesView.first else { return nil }
            guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
                throw Malformed(description: "expected a JSON object, found \(Self.preview(buffer))")
            }
        }
        let view = buffer.readableBytesView
        var index = view.startIndex + scanned
        while index < view.endIndex {
            let byte = view[index]
            index += 1
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    scanned = 0
                    return buffer.readSlice(length: index - view.startIndex)
                }
            default:
                break
            }
        }
        scanned = index - view.startIndex
        if scanned > maximumObjectBytes {
            throw Malformed(description: "a JSON object is longer than \(maximumObjectBytes) bytes")
        }
        return nil
    }

    /// Throws if the stream ended inside an object.
    func finish() throws {
        if depth > 0 || buffer.readableBytesView.contains(where: { !Self.isWhitespace($0) }) {
            throw Malformed(description: "the stream ended inside a JSON object: \(Self.preview(buffer))")
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }

    private static func preview(_ buffer: ByteBuffer) -> String {
        let text = String(decoding: buffer.readableBytesView.prefix(80), as: UTF8.self)
        return "\"\(text)\"" + (buffer.readableBytes > 80 ? "..." : "")
    }
}
