import NIOCore

/// Sends one request to the Docker engine. The one seam between the client and
/// the network, so unit tests can answer from memory (like swift-openapi-runtime's
/// `ClientTransport`).
public protocol EngineTransport: Sendable {
    /// Returns as soon as the response head arrives; the body streams after that.
    func send(_ request: EngineRequest) async throws -> EngineResponse
}

/// One Engine API request, as the client builds it.
public struct EngineRequest: Sendable, Equatable {
    public enum Method: String, Sendable, Equatable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case delete = "DELETE"
        case head = "HEAD"
    }

    /// How long the transport may wait on the engine.
    public enum Timeout: Sendable, Equatable {
        /// A generous bound, so a hung engine can't hang the pod.
        case standard
        /// No deadline and no idle timeout: event, log and wait streams stay quiet for
        /// as long as the containers live, and `stop` is bounded by the engine itself.
        case unlimited
    }

    public var method: Method
    /// Path and query, already encoded, with the API version prefix: `/v1.41/containers/json?all=1`.
    public var path: String
    public var headers: EngineHeaders
    public var body: ByteBuffer?
    public var timeout: Timeout

    public init(
        method: Method, path: String, headers: EngineHeaders = [:], body: ByteBuffer? = nil,
        timeout: Timeout = .standard
    ) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// The engine's answer: status and headers at once, the body as it streams in.
public struct EngineResponse: Sendable {
    public var status: Int
    public var headers: EngineHeaders
    public var body: EngineBody

    public init(status: Int, headers: EngineHeaders = [:], body: EngineBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// HTTP header fields in order; names compare case-insensitively, as HTTP wants.
public struct EngineHeaders: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    private var fields: [Field]

    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { Field(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value of the field `name`.
    public subscript(name: String) -> String? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }?.value
    }

    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Sets `name` to one value, dropping any earlier ones.
    public mutating func replaceOrAdd(name: String, value: String) {
        let lowered = name.lowercased()
        fields.removeAll { $0.name.lowercased() == lowered }
        fields.append(Field(name: name, value: value))
    }

    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}

/// A response body as an `AsyncSequence` of buffers, whatever produced it. Single
/// pass: the HTTP transport's body can be iterated once.
public struct EngineBody: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    private let makeIterator: @Sendable () -> AsyncIterator

    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == ByteBuffer {
        self.makeIterator = { AsyncIterator(base.makeAsyncIterator()) }
    }

    /// A body that is already in memory, delivered in these chunks.
    public init(chunks: [ByteBuffer]) {
        self.init(ChunkSequence(chunks: chunks))
    }

    /// A body of these bytes, in one chunk.
    public init(_ string: String) {
        self.init(chunks: [ByteBuffer(string: string)])
    }

    public static var empty: EngineBody { EngineBody(chunks: []) }

    public func makeAsyncIterator() -> AsyncIterator {
        makeIterator()
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private let nextChunk: () async throws -> ByteBuffer?

        init<Base: AsyncIteratorProtocol>(_ base: Base) where Base.Element == ByteBuffer {
            var base = base
            self.nextChunk = { try await base.next() }
        }

        public mutating func next() async throws -> ByteBuffer? {
            try await nextChunk()
        }
    }

    /// The whole body in one buffer; throws when it outgrows `maximumBytes`, so a
    /// confused engine can't exhaust memory.
    public func collect(upTo maximumBytes: Int) async throws -> ByteBuffer {
        var collected = ByteBuffer()
        for try await var chunk in self {
            guard collected.readableBytes + chunk.readableBytes <= maximumBytes else {
                throw BodyTooLarge(maximumBytes: maximumBytes)
            }
            collected.writeBuffer(&chunk)
        }
        return collected
    }

    struct BodyTooLarge: Error, CustomStringConvertible {
        var maximumBytes: Int
        var description: String { "the response body is larger than \(maximumBytes) bytes" }
    }
}

private struct ChunkSequence: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    var chunks: [ByteBuffer]

    func makeAsyncIterator() -> Iterator { Iterator(chunks: chunks[...]) }

    struct Iterator: AsyncIteratorProtocol {
        var chunks: ArraySlice<ByteBuffer>
        mutating func next() async throws -> ByteBuffer? { chunks.popFirst() }
    }
}
