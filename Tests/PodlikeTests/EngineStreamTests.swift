import Foundation
import NIOCore
import Testing
@testable import Podlike

@Suite("Event and pull streams")
struct EngineStreamTests {
    /// Two events as the engine writes them, one with braces and escaped quotes inside strings.
    static let eventStream = Array((
        #"{"status":"start","id":"c1","Type":"container","Action":"start","Actor":{"ID":"c1","Attributes":{"name":"web","note":"a } and a \" and a {"}},"scope":"local","time":1700000000,"timeNano":1700000000123456789}"#
        + "\n"
        + #"{"Type":"container","Action":"die","Actor":{"ID":"c1","Attributes":{"exitCode":"3","name":"web"}},"scope":"local","time":1700000001,"timeNano":1700000001000000000}"#
        + "\n").utf8)

    static let expectedEvents = [
        EngineEvent(
            Type: "container", Action: "start",
            Actor: .init(ID: "c1", Attributes: ["name": "web", "note": #"a } and a " and a {"#]),
            scope: "local", time: 1_700_000_000, timeNano: 1_700_000_000_123_456_789),
        EngineEvent(
            Type: "container", Action: "die", Actor: .init(ID: "c1", Attributes: ["exitCode": "3", "name": "web"]),
            scope: "local", time: 1_700_000_001, timeNano: 1_700_000_001_000_000_000),
    ]

    static func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
        var elements: [S.Element] = []
        for try await element in sequence { elements.append(element) }
        return elements
    }

    @Test("decodes events whichever byte offset splits them across chunks")
    func eventsSplitAtEveryOffset() async throws {
        for offset in 0...Self.eventStream.count {
            let stream = EngineEvents(body: EngineBody(chunks: chunks(Self.eventStream, splitAt: [offset])), operation: "watch")
            #expect(try await Self.collect(stream) == Self.expectedEvents, "split at byte \(offset)")
        }
    }

    @Test("decodes events that arrive one byte at a time, or two in one chunk")
    func eventsInOddChunks() async throws {
        let oneByte = EngineEvents(
            body: EngineBody(chunks: chunks(Self.eventStream, splitAt: Array(1..<Self.eventStream.count))), operation: "watch")
        #expect(try await Self.collect(oneByte) == Self.expectedEvents)
        let whole = EngineEvents(body: EngineBody(chunks: [ByteBuffer(bytes: Self.eventStream)]), operation: "watch")
        #expect(try await Self.collect(whole) == Self.expectedEvents)
    }

    @Test("events() subscribes with JSON filters and a since timestamp, without a timeout")
    func eventsRequest() async throws {
        let transport = InMemoryEngineTransport { _ in
            EngineResponse(status: 200, body: EngineBody(chunks: [ByteBuffer(bytes: Self.eventStream)]))
        }
        let since = Date(timeIntervalSince1970: 1_700_000_000.25)
        let events = try await EngineClient.inMemory(transport).events(
            filters: ["type": ["container"], "label": ["pod=x"]], since: since)
        #expect(try await Self.collect(events).map(\.Action) == ["start", "die"])
        let request = try #require(transport.requests.first)
        let filters = #"{"label":["pod=x"],"type":["container"]}"#
            .addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz"))!
        #expect(request.path == "/v1.41/events?since=1700000000.250000000&filters=\(filters)")
        #expect(request.timeout == .unlimited)
    }

    @Test("a stream cut off inside an event is an error")
    func truncatedEvent() async {
        let stream = EngineEvents(body: EngineBody(chunks: [ByteBuffer(bytes: Self.eventStream.prefix(40))]), operation: "watch engine events")
        await #expect {
            try await Self.collect(stream)
        } throws: { error in
            "\(error)".hasPrefix("engine: watch engine events failed: the stream ended inside a JSON object")
        }
    }

    @Test("pull progress decodes, and an error in the stream throws the registry's message")
    func pullError() async throws {
        let body = [
            #"{"status":"Pulling from library/nginx","id":"1.25"}"#,
            #"{"status":"Downloading","progressDetail":{"current":100,"total":1000},"progress":"[=>  ]","id":"a1b2"}"#,
            #"{"errorDetail":{"message":"unauthorized: authentication required"},"error":"unauthorized: authentication required"}"#,
        ].joined(separator: "\r\n") + "\r\n"
        let transport = InMemoryEngineTransport { _ in
            EngineResponse(status: 200, body: EngineBody(chunks: chunks(Array(body.utf8), splitAt: [20, 60, 61, 150])))
        }
        let progress = try await EngineClient.inMemory(transport).pullImage("nginx:1.25", registryAuth: "e30=")
        var statuses: [String] = []
        await #expect {
            for try await message in progress {
                statuses.append(message.status ?? "")
            }
        } throws: { error in
            guard let error = error as? EngineError else { return false }
            return error.isFailureInStream && error.message == "unauthorized: authentication required"
                && error.description == #"engine: pull image "nginx:1.25" failed: unauthorized: authentication required"#
        }
        #expect(statuses == ["Pulling from library/nginx", "Downloading"])
        let request = try #require(transport.requests.first)
        #expect(request.path == "/v1.41/images/create?fromImage=nginx&tag=1.25")
        #expect(request.headers["X-Registry-Auth"] == "e30=")
    }

    @Test("a successful pull ends when the engine closes the stream")
    func pullSuccess() async throws {
        let transport = InMemoryEngineTransport { _ in
            EngineResponse(status: 200, body: EngineBody(#"{"status":"Status: Image is up to date for busybox:latest"}"# + "\r\n"))
        }
        let messages = try await Self.collect(EngineClient.inMemory(transport).pullImage("busybox"))
        #expect(messages.map(\.status) == ["Status: Image is up to date for busybox:latest"])
        #expect(transport.requests.first?.path == "/v1.41/images/create?fromImage=busybox&tag=latest")
    }

    @Test("image references split into name and tag as the CLI splits them", arguments: [
        ("nginx", "nginx", "latest"),
        ("nginx:1.25", "nginx", "1.25"),
        ("registry.local:5000/team/app", "registry.local:5000/team/app", "latest"),
        ("registry.local:5000/team/app:v2", "registry.local:5000/team/app", "v2"),
        ("app@sha256:abc", "app", "sha256:abc"),
        ("app:1@sha256:abc", "app", "sha256:abc"),
    ])
    func imageReferences(reference: String, name: String, tag: String) {
        let split = EngineClient.splitImageReference(reference)
        #expect(split.name == name)
        #expect(split.tag == tag)
    }

    @Test("the splitter keeps braces inside strings and skips \\r\\n between objects")
    func splitter() throws {
        var splitter = JSONObjectSplitter()
        splitter.append(ByteBuffer(string: "\r\n{\"a\":\"}{\\\\\"}\r\n[1,{\"b\":[2]}] {"))
        #expect(try splitter.next().map { String(buffer: $0) } == #"{"a":"}{\\"}"#)
        #expect(try splitter.next().map { String(buffer: $0) } == #"[1,{"b":[2]}]"#)
        #expect(try splitter.next() == nil)
        #expect(throws: JSONObjectSplitter.Malformed.self) { try splitter.finish() }
        splitter.append(ByteBuffer(string: "}\n"))
        #expect(try splitter.next().map { String(buffer: $0) } == "{}")
        try splitter.finish()
    }
}
