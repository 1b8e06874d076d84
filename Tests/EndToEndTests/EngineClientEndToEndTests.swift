import Foundation
import Logging
import NIOCore
import Podlike
import Testing

extension EndToEndSuites {
    @Suite("Engine client against a real engine", .enabled(if: EndToEnd.engineAvailable), .timeLimit(.minutes(3)))
    struct EngineClientEndToEndTests {
        let logger = Logger(label: "podlike.e2e.engine")

        /// A label unique to one test, put on every container it creates. Whatever the
        /// test leaves behind, even when it fails, is force-removed by label afterwards.
        struct TestLabel {
            let key = "podlike.e2e.engine-test"
            let value: String
            var filter: String { "\(key)=\(value)" }

            init(_ prefix: String) { value = EndToEnd.uniqueName(prefix) }

            func removeLeftovers() {
                for id in (try? EndToEnd.containers(label: filter)) ?? [] {
                    _ = try? EndToEnd.run(["docker", "rm", "--force", "--volumes", id])
                }
            }

            /// Checks through the API and the CLI that nothing with this label is left.
            func expectNothingLeft(_ client: EngineClient, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                #expect(try await client.listContainers(all: true, labels: [filter]).isEmpty, sourceLocation: sourceLocation)
                #expect(try EndToEnd.containers(label: filter).isEmpty, sourceLocation: sourceLocation)
            }
        }

        func busybox(_ script: String, label: TestLabel, tty: Bool = false) -> CreateContainerRequest {
            var request = CreateContainerRequest(Image: EndToEnd.busybox)
            request.Cmd = ["sh", "-c", script]
            request.Labels = [label.key: label.value]
            request.Tty = tty ? true : nil
            return request
        }

        @Test("negotiates the engine's API version and reads ping, version and info")
        func systemCalls() async throws {
            try await withEngineClient(logger: logger) { client in
                let ping = try await client.ping()
                let engineVersion = try #require(ping.apiVersion)
                if engineVersion <= .reference {
                    #expect(client.apiVersion == engineVersion)
                } else {
                    #expect(client.apiVersion >= .reference)
                }
                #expect(try await client.version().ApiVersion != nil)
                let info = try await client.info()
                #expect(!info.ID.isEmpty)
                #expect(["1", "2"].contains(info.CgroupVersion))
                #expect(info.CgroupDriver != nil)
                #expect(info.ServerVersion != nil)
            }
            var environment = ProcessInfo.processInfo.environment
            environment["DOCKER_API_VERSION"] = "1.40"
            try await withEngineClient(environment: environment, logger: logger) { client in
                let info = try await client.info()
                #expect(client.apiVersion == APIVersion(1, 40))
                #expect(!info.Name.isEmpty)
            }
        }

        @Test("a container's stdout and stderr come back line by line, then its exit code and its start and die events")
        func runAndObserve() async throws {
            let label = TestLabel("logs")
            defer { label.removeLeftovers() }
            try await withEngineClient(logger: logger) { client in
                // Subscribe first, so the container's events can't be missed.
                let events = try await client.events(filters: ["type": ["container"], "label": [label.filter]])
                let name = label.value
                let created = try await client.createContainer(
                    busybox("echo out one; echo err one >&2; echo out two; printf 'no newline'; exit 3", label: label),
                    name: name, platform: nil)
                #expect(!created.id.isEmpty)
                try await client.startContainer(created.id)

                let expectedStdout = ["out one", "out two", "no newline"]
                let expectedStderr = ["err one"]
                let followed = try await Self.collect(client.logs(created.id, follow: true, tty: false))
                // Docker 20.10 can close a follow stream before it has written the last
                // output of a container that just exited, so these may stop short...
                #expect(expectedStdout.starts(with: followed.filter { $0.stream == .stdout }.map(\.text)))
                #expect(expectedStderr.starts(with: followed.filter { $0.stream == .stderr }.map(\.text)))

                #expect(try await client.waitContainer(created.id, condition: .notRunning) == 3)
                // ...but once it has exited, its log is complete, unterminated last line included.
                let all = try await Self.collect(client.logs(created.id, follow: false, tty: false))
                #expect(all.filter { $0.stream == .stdout }.map(\.text) == expectedStdout)
                #expect(all.filter { $0.stream == .stderr }.map(\.text) == expectedStderr)

                var actions: [String] = []
                for try await event in events where event.Actor.ID == created.id {
                    actions.append(event.Action)
                    if event.Action == "die" {
                        #expect(event.Actor.Attributes?["exitCode"] == "3")
                        #expect(event.Actor.Attributes?["name"] == name)
                        #expect(event.timeNano != nil)
                        break
                    }
                }
                #expect(actions.contains("create"))
                #expect(actions.suffix(2) == ["start", "die"])

                let inspect = try await client.inspectContainer(created.id)
                #expect(inspect.Id == created.id)
                #expect(inspect.Name == "/\(name)")
                #expect(inspect.State.Status == "exited")
                #expect(inspect.State.Running == false)
                #expect(inspect.State.ExitCode == 3)
                #expect(inspect.Config.Labels?[label.key] == label.value)
                #expect(inspect.Config.Image == EndToEnd.busybox)
                #expect(inspect.HostConfig.AutoRemove == false)

                #expect(try await client.listContainers(labels: [label.filter]).map(\.Id) == [created.id])
                try await client.removeContainer(created.id, force: false, volumes: true)
                await #expect { _ = try await client.inspectContainer(created.id) } throws: { ($0 as? EngineError)?.isNotFound == true }
                try await client.removeContainer(created.id, ignoreNotFound: true)
                try await label.expectNothingLeft(client)
            }
        }

        @Test("a TTY container's raw output comes back as stdout lines")
        func ttyLogs() async throws {
            let label = TestLabel("tty")
            defer { label.removeLeftovers() }
            try await withEngineClient(logger: logger) { client in
                let created = try await client.createContainer(
                    busybox("echo one; echo two >&2; printf three", label: label, tty: true), name: label.value, platform: nil)
                try await client.startContainer(created.id)
                let expected = ["one", "two", "three"].map { LogLine(stream: .stdout, text: $0) }
                // A follow stream may stop short of the last output (see `runAndObserve`).
                let followed = try await Self.collect(client.logs(created.id, follow: true, tty: true))
                #expect(expected.starts(with: followed))
                #expect(try await client.waitContainer(created.id) == 0)
                #expect(try await Self.collect(client.logs(created.id, follow: false, tty: true)) == expected)
                try await client.removeContainer(created.id)
                try await label.expectNothingLeft(client)
            }
        }

        @Test("files uploaded before start are there; stop kills after its timeout, and stopping again is fine")
        func uploadStopKill() async throws {
            let label = TestLabel("stop")
            defer { label.removeLeftovers() }
            try await withEngineClient(logger: logger) { client in
                let created = try await client.createContainer(
                    busybox("cat /tmp/uploaded/hello.txt; exec sleep 300", label: label), name: label.value, platform: nil)
                try await client.uploadArchive(
                    created.id, path: "/tmp", tar: Self.tar(["uploaded/hello.txt": "hello from the archive\n"]))
                try await client.startContainer(created.id)

                var firstLine: LogLine?
                for try await line in try await client.logs(created.id, follow: true) {
                    firstLine = line
                    break
                }
                #expect(firstLine == LogLine(stream: .stdout, text: "hello from the archive"))

                // sleep as PID 1 ignores SIGTERM, so the engine kills it after a second.
                try await client.stopContainer(created.id, timeout: 1)
                #expect(try await client.waitContainer(created.id) == 137)
                try await client.stopContainer(created.id, timeout: 1)
                await #expect { try await client.killContainer(created.id, signal: "SIGKILL") } throws: {
                    ($0 as? EngineError)?.isConflict == true
                }
                try await client.removeContainer(created.id)
                try await label.expectNothingLeft(client)
            }
        }

        @Test("cancelling the tasks that wait, follow logs and watch events ends them with CancellationError")
        func cancellation() async throws {
            let label = TestLabel("cancel")
            defer { label.removeLeftovers() }
            try await withEngineClient(logger: logger) { client in
                let created = try await client.createContainer(
                    busybox("echo started; exec sleep 300", label: label), name: label.value, platform: nil)
                try await client.startContainer(created.id)
                let outcomes = await withTaskGroup(of: (String, (any Error)?).self) { group in
                    group.addTask {
                        do { _ = try await client.waitContainer(created.id) } catch { return ("wait", error) }
                        return ("wait", nil)
                    }
                    group.addTask {
                        do { for try await _ in try await client.logs(created.id, follow: true) {} } catch { return ("logs", error) }
                        return ("logs", nil)
                    }
                    group.addTask {
                        do { for try await _ in try await client.events(filters: ["container": [created.id]]) {} } catch {
                            return ("events", error)
                        }
                        return ("events", nil)
                    }
                    // Give the requests time to be in flight, so cancellation hits open streams.
                    try? await Task.sleep(for: .milliseconds(500))
                    group.cancelAll()
                    var outcomes: [(String, (any Error)?)] = []
                    for await outcome in group { outcomes.append(outcome) }
                    return outcomes
                }
                #expect(outcomes.count == 3)
                for (stream, error) in outcomes {
                    #expect(error is CancellationError, "\(stream) ended with \(error.map { "\($0)" } ?? "no error")")
                }
                try await client.removeContainer(created.id, force: true)
                try await label.expectNothingLeft(client)
            }
        }

        @Test("engine errors carry the daemon's message; images are found or nil")
        func errors() async throws {
            let label = TestLabel("errors")
            defer { label.removeLeftovers() }
            try await withEngineClient(logger: logger) { client in
                let missing = "podlike-test/does-not-exist:latest"
                await #expect {
                    _ = try await client.createContainer(CreateContainerRequest(Image: missing), name: label.value, platform: nil)
                } throws: { error in
                    guard let error = error as? EngineError else { return false }
                    return error.isNotFound && error.message == "No such image: \(missing)"
                        && "\(error)" == #"engine: create container "\#(label.value)" failed (404): No such image: \#(missing)"#
                }

                let created = try await client.createContainer(busybox("true", label: label), name: label.value, platform: nil)
                await #expect {
                    _ = try await client.createContainer(busybox("true", label: label), name: label.value, platform: nil)
                } throws: { ($0 as? EngineError)?.isConflict == true }
                try await client.removeContainer(created.id)

                let image = try #require(try await client.inspectImage(EndToEnd.busybox))
                #expect(image.Id.hasPrefix("sha256:"))
                #expect(try await client.inspectImage(missing) == nil)

                // A registry on a closed loopback port fails at once, with no traffic leaving the machine.
                await #expect {
                    for try await _ in try await client.pullImage("127.0.0.1:9/podlike/nope:latest", platform: nil, registryAuth: nil) {}
                } throws: { error in
                    guard let error = error as? EngineError else { return false }
                    return error.message.contains("127.0.0.1:9") && "\(error)".hasPrefix(#"engine: pull image "127.0.0.1:9/podlike/nope:latest" failed"#)
                }
                try await label.expectNothingLeft(client)
            }
        }

        @Test("inspectService reads the labels and grace period that Swarm keeps off task containers")
        func inspectService() async throws {
            try await withEngineClient(logger: logger) { client in
                guard try await client.info().Swarm?.ControlAvailable == true else {
                    print("◇ inspectService skipped: this engine is not a Swarm manager")
                    return
                }
                let name = EndToEnd.uniqueName("podlike-e2e-service")
                defer { _ = try? EndToEnd.run(["docker", "service", "rm", name]) }
                let id = try EndToEnd.docker(
                    "service", "create", "--detach", "--no-resolve-image", "--replicas", "0", "--name", name,
                    "--label", "pod.component.web=image: nginx", "--container-label", "c=d",
                    "--stop-grace-period", "7s", EndToEnd.busybox, "sleep", "300")
                let service = try await client.inspectService(name)
                #expect(service.ID == id)
                #expect(service.Spec.Name == name)
                #expect(service.Spec.Labels?["pod.component.web"] == "image: nginx")
                #expect(service.Spec.TaskTemplate?.ContainerSpec?.Labels == ["c": "d"])
                #expect(service.Spec.TaskTemplate?.ContainerSpec?.StopGracePeriod == 7_000_000_000)
                await #expect { _ = try await client.inspectService(name + "-missing") } throws: {
                    ($0 as? EngineError)?.isNotFound == true
                }
            }
        }

        static func collect(_ logs: ContainerLogs) async throws -> [LogLine] {
            var lines: [LogLine] = []
            for try await line in logs { lines.append(line) }
            return lines
        }

        /// A ustar archive of regular files, enough for `uploadArchive`.
        static func tar(_ files: [String: String]) -> ByteBuffer {
            var archive = ByteBuffer()
            for (path, content) in files.sorted(by: { $0.key < $1.key }) {
                let data = Array(content.utf8)
                var header = [UInt8](repeating: 0, count: 512)
                func put(_ text: String, at offset: Int) {
                    for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte }
                }
                put(path, at: 0)
                put("0000644", at: 100)
                put("0000000", at: 108)
                put("0000000", at: 116)
                put(String(format: "%011o", data.count), at: 124)
                put(String(format: "%011o", 0), at: 136)
                put("        ", at: 148)
                put("0", at: 156)
                put("ustar", at: 257)
                put("00", at: 263)
                let checksum = header.reduce(0) { $0 + Int($1) }
                put(String(format: "%06o", checksum), at: 148)
                header[154] = 0
                header[155] = UInt8(ascii: " ")
                archive.writeBytes(header)
                archive.writeBytes(data)
                archive.writeBytes([UInt8](repeating: 0, count: (512 - data.count % 512) % 512))
            }
            archive.writeBytes([UInt8](repeating: 0, count: 1024))
            return archive
        }
    }
}
