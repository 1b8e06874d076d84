import Foundation
import PodlikeTemplate
import Testing

/// `http` sources against a real server, fetched by the command's own
/// AsyncHTTPClient fetcher, and a failing URL through the command.
@Suite("template: http sources from a local server", .enabled(if: LocalHTTPServer.available))
struct TemplateHTTPTests {
    @Test("a served template is fetched; a 404 falls back")
    func served() async throws {
        let server = try LocalHTTPServer(files: ["side.yml": "side:\n  image: x/{{ .Service.Name }}-side\n  command: --port 8080\n"])
        defer { server.stop() }
        let stack = """
            services:
              s:
                image: x/s
                x-podlike:
                  templates:
                    - http: \(server.url("side.yml"))
                    - http: {url: "\(server.url("missing.yml"))", fallback: {inline: "other: {image: x/other}"}}
            """
        let output = try await StackTransformer(fetcher: HTTPTemplateFetcher(), environment: [:])
            .transform([.init(path: "/nonexistent/stack.yml", text: stack)])
        let labels = output.stack.mapValue?["services"]?.mapValue?["s"]?.mapValue?["labels"]?.mapValue
        #expect(labels?["pod.component.side"] == .string("image: x/s-side\ncommand:\n- --port\n- \"8080\"\n"))
        #expect(labels?["pod.component.other"] == .string("image: x/other\n"))
    }

    @Test("a failing URL without a fallback: podlike template exits 125 naming it")
    func failing() throws {
        let server = try LocalHTTPServer(files: [:])
        defer { server.stop() }
        let missing = server.url("nowhere.yml")
        let stackPath = server.folder + "/stack.yml"
        try "services:\n  s:\n    image: x/s\n    x-podlike:\n      templates:\n        http: \(missing)\n"
            .write(toFile: stackPath, atomically: true, encoding: .utf8)
        let run = try CommandRun(["template", stackPath])
        #expect(run.status == 125)
        #expect(run.stderr.contains(missing), "\(run.stderr)")
        #expect(run.stderr.contains("404"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}

/// One run of the built `podlike` binary: its exit status and output.
struct CommandRun {
    let status: Int32
    let stdout: String
    let stderr: String

    init(_ arguments: [String]) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let binary = try #require([".build/debug/podlike", ".build/release/podlike"].map { root.appendingPathComponent($0).path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }, "no podlike binary; run swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}
