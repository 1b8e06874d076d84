import Foundation
import Testing

/// `python3 -m http.server`'s handler serving a temporary folder on a free
/// port of 127.0.0.1, as a child process this test starts and kills.
final class LocalHTTPServer: Sendable {
    let folder: String
    let port: Int
    private let process: Process

    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/env")
        && (try? LocalHTTPServer.which("python3")) != nil

    /// Serves `files` (name to text); the port is the one the server bound,
    /// read from its first line of output.
    init(files: [String: String]) throws {
        folder = NSTemporaryDirectory() + "podlike-http-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let script = """
            import functools, http.server, sys
            handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """
        let output = Pipe()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw ServerDidNotStart()
        }
        self.port = port
    }

    struct ServerDidNotStart: Error {}

    func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

    /// Kills the server (SIGKILL: the test process may block SIGTERM) and removes its folder.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func which(_ name: String) throws -> String {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw ServerDidNotStart()
    }
}
