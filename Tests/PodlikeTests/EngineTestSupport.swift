import Foundation
import Logging
import NIOCore
import Podlike

/// An engine that answers from memory, for unit tests of anything that talks to
/// the Engine API. It records every request it gets.
struct InMemoryEngineTransport: EngineTransport {
    private let recorder = Recorder<EngineRequest>()
    private let respond: @Sendable (EngineRequest) async throws -> EngineResponse

    init(_ respond: @escaping @Sendable (EngineRequest) async throws -> EngineResponse) {
        self.respond = respond
    }

    /// Answers each request from the first route whose key prefixes its method and
    /// path (`"GET /v1.41/info"`); 404 for anything else.
    init(routes: KeyValuePairs<String, EngineResponse>) {
        let table = Array(routes)
        self.init { request in
            let line = "\(request.method.rawValue) \(request.path)"
            return table.first { line.hasPrefix($0.key) }?.value
                ?? .json(404, #"{"message":"no route for \#(line)"}"#)
        }
    }

    var requests: [EngineRequest] { recorder.all }

    func send(_ request: EngineRequest) async throws -> EngineResponse {
        recorder.append(request)
        return try await respond(request)
    }
}

extension EngineResponse {
    static func json(_ status: Int, _ text: String, headers: EngineHeaders = ["Content-Type": "application/json"]) -> EngineResponse {
        EngineResponse(status: status, headers: headers, body: EngineBody(text))
    }
}

extension EngineClient {
    /// A client on an in-memory engine, speaking API 1.41.
    static func inMemory(_ transport: InMemoryEngineTransport, logs: LogRecords = LogRecords()) -> EngineClient {
        EngineClient(transport: transport, apiVersion: .reference, logger: logs.logger)
    }
}

/// A thread-safe list, for what a test double saw.
final class Recorder<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var elements: [Element] = []

    func append(_ element: Element) {
        lock.withLock { elements.append(element) }
    }

    var all: [Element] { lock.withLock { elements } }
}

/// Collects what code under test logs, so a test can check that nothing is dropped.
struct LogRecords: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    private let recorder = Recorder<Record>()

    var all: [Record] { recorder.all }

    var logger: Logger {
        let recorder = recorder
        return Logger(label: "test") { _ in Handler(recorder: recorder) }
    }

    private struct Handler: LogHandler {
        let recorder: Recorder<Record>
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.append(Record(
                level: event.level, message: "\(event.message)",
                metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
        }
    }
}

/// Cuts `bytes` into chunks at the given offsets, as a network might.
func chunks(_ bytes: [UInt8], splitAt offsets: [Int]) -> [ByteBuffer] {
    var result: [ByteBuffer] = []
    var start = 0
    for offset in offsets.sorted() + [bytes.count] where offset >= start {
        result.append(ByteBuffer(bytes: bytes[start..<offset]))
        start = offset
    }
    return result
}
