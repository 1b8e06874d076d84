import Foundation
import FuzzTargets
import Testing

/// Every input the fuzzer kept (fuzz/corpus) and every crasher it found
/// (fuzz/crashers) is run again here, through the same entry point as
/// `fuzz/run.sh` uses: each must come to a result or to podlike's own message.
struct FuzzCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func inputs(of target: FuzzTarget) -> [URL] {
        ["corpus", "crashers"].flatMap { folder in
            let directory = root.appendingPathComponent("fuzz/\(folder)/\(target.name)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().map { directory.appendingPathComponent($0) }
        }
    }

    @Test("every kept fuzz input and crasher ends in a result or podlike's own message", arguments: FuzzTarget.all.map(\.name))
    func corpus(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let inputs = Self.inputs(of: target)
        #expect(!inputs.isEmpty, "fuzz/corpus/\(name) has no inputs")
        for input in inputs {
            let answer = target.run(Array(try Data(contentsOf: input)))
            #expect(FuzzTarget.foreignText(in: answer) == nil, "\(input.lastPathComponent): \(answer.prefix(400))")
        }
    }

    @Test("the seeds reach real results, not only errors: the harness drives the code it claims to")
    func seedsReachResults() throws {
        let labels = try #require(FuzzTarget.named("labels"))
        let json = try Data(contentsOf: Self.root.appendingPathComponent("fuzz/corpus/labels/seed-json.yml"))
        #expect(labels.run(Array(json)).contains("\"HostConfig\""), "\(labels.run(Array(json)))")
        let events = try #require(FuzzTarget.named("event-stream"))
        let stream = try Data(contentsOf: Self.root.appendingPathComponent("fuzz/corpus/event-stream/seed-events"))
        #expect(events.run(Array(stream)) == "3 events")
        let logs = try #require(FuzzTarget.named("log-stream"))
        let frames = try Data(contentsOf: Self.root.appendingPathComponent("fuzz/corpus/log-stream/seed-multiplexed"))
        #expect(logs.run(Array(frames)) == "3 lines")
        let flags = try #require(FuzzTarget.named("legacy-flags"))
        #expect(flags.run(Array("-logs\u{0}-pids=false".utf8)) == "--logs --no-pids")
        #expect(flags.run(Array("-pull=sometimes".utf8)).contains("expected true or false"))
    }
}
