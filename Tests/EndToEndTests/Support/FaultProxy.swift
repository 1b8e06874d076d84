import Foundation
import Testing

/// `fault-proxy.py` on a socket of its own, in front of the engine's: what a
/// controller mounted on it sees is an engine that is slow, fails or drops answers.
struct FaultProxy {
    let socketPath: String
    let logPath: String
    private let process: Process

    static let available: Bool = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// `faults` as the script takes them: `delay=0.3`, `fail=POST:/containers/create`, `drop=...`.
    init(_ faults: [String]) throws {
        let name = EndToEnd.uniqueName("podlike-proxy")
        socketPath = "/tmp/\(name).sock"
        logPath = "/tmp/\(name).log"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("fault-proxy.py").path
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, socketPath, EndToEnd.socketPath] + faults
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        let listening = EndToEnd.poll(within: 10, { FileManager.default.fileExists(atPath: socketPath) }, until: { $0 })
        if !listening { Issue.record("the fault proxy did not listen: \(log)") }
    }

    /// What the proxy did with each request.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func stop() {
        // SIGKILL: the test process may block SIGTERM, and the proxy inherits the mask.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: socketPath)
        try? FileManager.default.removeItem(atPath: logPath)
    }
}
