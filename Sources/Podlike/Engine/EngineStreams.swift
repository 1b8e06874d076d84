#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore

/// A streaming response of JSON messages (events, pull progress), decoded one by
/// one as they arrive. Ends when the engine closes the stream. Single pass.
public struct EngineJSONStream<Message: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Message

    private let body: EngineBody
    private let operation: String
    /// Turns an in-band failure message into an error.
    private let check: @Sendable (Message) throws -> Void

    init(body: EngineBody, operation: String, check: @escaping @Sendable (Message) throws -> Void = { _ in }) {
        self.body = body
        self.operation = operation
        self.check = check
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(body: body.makeAsyncIterator(), operation: operation, check: check)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private var body: EngineBody.AsyncIterator
        private let check: @Sendable (Message) throws -> Void
        private var decoder: JSONMessageDecoder<Message>
        private var ended = false

        init(body: EngineBody.AsyncIterator, operation: String, check: @escaping @Sendable (Message) throws -> Void) {
            self.body = body
            self.decoder = JSONMessageDecoder(operation: operation)
            self.check = check
        }

        public mutating func next() async throws -> Message? {
            while true {
                if let message = try decoder.next() {
                    try check(message)
                    return message
                }
                if ended { return nil }
                let chunk: ByteBuffer?
                do {
                    chunk = try await body.next()
                } catch {
                    throw EngineError.wrapping(error, decoder.operation)
                }
                guard let chunk else {
                    ended = true
                    try decoder.finish()
                    return nil
                }
                decoder.append(chunk)
            }
        }
    }
}

/// Splits and decodes a stream of JSON messages chunk by chunk, apart from the
/// transport that brings the chunks: what every JSON stream of the engine uses.
package struct JSONMessageDecoder<Message: Decodable>: Sendable {
    package let operation: String
    private var splitter = JSONObjectSplitter()

    package init(operation: String) {
        self.operation = operation
    }

    package mutating func append(_ chunk: ByteBuffer) {
        splitter.append(chunk)
    }

    /// The next whole message, or nil until more bytes arrive.
    package mutating func next() throws -> Message? {
        let object: ByteBuffer?
        do {
            object = try splitter.next()
        } catch {
            throw EngineError.malformedResponse(operation, "\(error)", underlying: error)
        }
        guard let object else { return nil }
        return try EngineClient.decode(Message.self, from: object, operation: operation)
    }

    /// Throws when the stream ended inside a message.
    package func finish() throws {
        do {
            try splitter.finish()
        } catch {
            throw EngineError.malformedResponse(operation, "\(error)", underlying: error)
        }
    }
}

/// The engine's event stream; see ``EngineClient/events(filters:since:until:)``.
public typealias EngineEvents = EngineJSONStream<EngineEvent>

/// A pull's progress; throws the registry's message when the pull fails mid-stream.
public typealias PullProgress = EngineJSONStream<PullMessage>

/// A container's output, line by line; see ``EngineClient/logs(_:follow:tty:since:)``.
/// With `follow`, it ends when the container stops. Single pass.
public struct ContainerLogs: AsyncSequence, Sendable {
    public typealias Element = LogLine

    private let body: EngineBody
    private let tty: Bool
    private let operation: String

    init(body: EngineBody, tty: Bool, operation: String) {
        self.body = body
        self.tty = tty
        self.operation = operation
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(body: body.makeAsyncIterator(), decoder: LogStreamDecoder(tty: tty), operation: operation)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        private var body: EngineBody.AsyncIterator
        private var decoder: LogStreamDecoder
        private let operation: String
        private var ready: [LogLine] = []
        private var readyIndex = 0
        private var ended = false

        init(body: EngineBody.AsyncIterator, decoder: LogStreamDecoder, operation: String) {
            self.body = body
            self.decoder = decoder
            self.operation = operation
        }

        public mutating func next() async throws -> LogLine? {
            guard try await fill() else { return nil }
            defer { readyIndex += 1 }
            return ready[readyIndex]
        }

        /// Every line decoded from the next chunk the engine sent, at once: a
        /// forwarder writes them with one call instead of one per line.
        public mutating func nextBatch() async throws -> ArraySlice<LogLine>? {
            guard try await fill() else { return nil }
            defer { readyIndex = ready.count }
            return ready[readyIndex...]
        }

        /// Reads chunks until a line is ready; false at the end of the stream.
        private mutating func fill() async throws -> Bool {
            while readyIndex == ready.count {
                if ended { return false }
                ready.removeAll(keepingCapacity: true)
                readyIndex = 0
                let chunk: ByteBuffer?
                do {
                    chunk = try await body.next()
                } catch {
                    throw EngineError.wrapping(error, operation)
                }
                do {
                    if let chunk {
                        ready = try decoder.append(chunk)
                    } else {
                        ended = true
                        ready = try decoder.finish()
                    }
                } catch {
                    throw EngineError.malformedResponse(operation, "\(error)", underlying: error)
                }
            }
            return true
        }
    }
}
