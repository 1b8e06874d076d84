import NIOCore
import Podlike

extension FuzzTarget {
    /// A container's log stream, multiplexed or raw (the first byte picks), cut
    /// into chunks at places the input chooses, into lines.
    public static let logStream = FuzzTarget(
        name: "log-stream", summary: "the multiplexed (or TTY) log-stream decoder, over chunks of any size"
    ) { bytes in
        guard let first = bytes.first else { return "empty" }
        var decoder = LogStreamDecoder(tty: first & 1 == 1, maximumLineLength: 4096)
        var lines = 0
        do {
            for chunk in chunks(of: bytes.dropFirst(), sizedBy: first) {
                lines += try decoder.append(chunk).count
            }
            lines += try decoder.finish().count
            return "\(lines) lines"
        } catch {
            return "\(error)"
        }
    }

    /// The engine's event stream, cut into chunks at places the input chooses,
    /// split into objects and decoded as events.
    public static let eventStream = FuzzTarget(
        name: "event-stream", summary: "the JSON event-stream splitter and event decoding, over chunks of any size"
    ) { bytes in
        guard let first = bytes.first else { return "empty" }
        var decoder = JSONMessageDecoder<EngineEvent>(operation: "watch engine events")
        var events = 0
        do {
            for chunk in chunks(of: bytes.dropFirst(), sizedBy: first) {
                decoder.append(chunk)
                while try decoder.next() != nil { events += 1 }
            }
            try decoder.finish()
            return "\(events) events"
        } catch {
            return "\(error)"
        }
    }

    /// The bytes in chunks of 1 to 32 bytes, the sizes cycling from `seed`, as a
    /// network delivers a stream: split anywhere.
    static func chunks(of bytes: ArraySlice<UInt8>, sizedBy seed: UInt8) -> [ByteBuffer] {
        var result: [ByteBuffer] = []
        var start = bytes.startIndex
        var size = Int(seed >> 1) % 32 + 1
        while start < bytes.endIndex {
            let end = min(bytes.endIndex, start + size)
            result.append(ByteBuffer(bytes: bytes[start..<end]))
            start = end
            size = (size * 7 + 3) % 32 + 1
        }
        return result
    }
}
