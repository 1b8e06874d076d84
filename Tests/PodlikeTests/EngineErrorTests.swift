import Logging
import NIOCore
import Testing
@testable import Podlike

@Suite("Engine errors")
struct EngineErrorTests {
    @Test("an error status carries the operation, the status and the daemon's own message")
    func daemonMessage() async {
        let transport = InMemoryEngineTransport(routes: [
            "POST /v1.41/containers/create": .json(404, #"{"message":"No such image: nginx:nope"}"#),
        ])
        var request = CreateContainerRequest(Image: "nginx:nope")
        request.Cmd = ["true"]
        await #expect {
            try await EngineClient.inMemory(transport).createContainer(request, name: "x")
        } throws: { error in
            guard let error = error as? EngineError else { return false }
            return error.isNotFound && !error.isConflict && error.status == 404
                && error.message == "No such image: nginx:nope"
                && error.operation == #"create container "x""#
                && error.description == #"engine: create container "x" failed (404): No such image: nginx:nope"#
        }
    }

    @Test("a body that is not JSON is quoted as text; an empty one still says which status", arguments: [
        ("page not found\n", "page not found"),
        ("", "HTTP status 500 without a message"),
        (#"{"message":""}"#, #"{"message":""}"#),
    ])
    func plainTextBody(body: String, message: String) {
        let error = EngineError.rejected("ping", status: 500, body: ByteBuffer(string: body))
        #expect(error.message == message)
        #expect(error.description == "engine: ping failed (500): \(message)")
    }

    @Test("409 is a conflict", arguments: [409])
    func conflict(status: Int) {
        let error = EngineError.rejected(
            #"create container "web""#, status: status,
            body: ByteBuffer(string: #"{"message":"Conflict. The container name \"/web\" is already in use"}"#))
        #expect(error.isConflict)
        #expect(!error.isNotFound)
        #expect(error.message == #"Conflict. The container name "/web" is already in use"#)
    }

    @Test("a transport failure names the operation and keeps the cause")
    func transportFailure() async {
        struct Refused: Error, CustomStringConvertible { var description: String { "connection refused" } }
        let transport = InMemoryEngineTransport { _ in throw Refused() }
        await #expect {
            try await EngineClient.inMemory(transport).startContainer("abc")
        } throws: { error in
            guard let error = error as? EngineError else { return false }
            return error.isUnreachable && error.underlying is Refused && error.status == nil
                && error.description == #"engine: start container "abc" failed: connection refused"#
        }
    }

    @Test("a response that doesn't decode says what was expected and shows what came")
    func malformedBody() async {
        let transport = InMemoryEngineTransport(routes: ["GET /v1.41/info": .json(200, #"{"Name": 5}"#)])
        await #expect {
            try await EngineClient.inMemory(transport).info()
        } throws: { error in
            "\(error)" == #"engine: read engine info failed: the engine's answer can't be read as EngineInfo (field ID is missing): "{"Name": 5}""#
        }
    }
}
