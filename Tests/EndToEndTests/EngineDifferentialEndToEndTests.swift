import Drivers
import Foundation
import Logging
import Podlike
import PodlikeYAML
import Testing

extension EndToEndSuites {
    /// What `render` accepts, the engine accepts; what a check refuses, the engine
    /// refuses too. Every handler example and every check example is sent to the
    /// real engine as a create call, so a new handler or check is kept in step.
    @Suite("render and the engine agree", .enabled(if: EndToEnd.engineAvailable), .timeLimit(.minutes(5)))
    struct EngineDifferentialEndToEndTests {
        let logger = Logger(label: "podlike.e2e.differential")
        static let label = "podlike.e2e.differential"

        /// Settings whose examples the engine weighs against the host it runs on,
        /// which `render` can't know: the CPUs and devices there are, the runtimes
        /// installed, what the kernel supports. The README lists them.
        static let hostDependent: Set<String> = [
            "cpuset", "devices", "runtime", "storage_opt", "cpu_rt_runtime", "cpu_rt_period", "sysctls",
        ]

        struct Example: Sendable {
            var origin: String
            var yaml: String
            var accepted: Bool
            var line: Int
            var filePath: String
        }

        static let handlerExamples: [Example] = BuiltinSettings.handlers.flatMap { handler in
            handler.descriptor.examples.compactMap { example -> Example? in
                guard !hostDependent.contains(handler.descriptor.key) else { return nil }
                guard case .request = example.outcome else { return nil }
                return Example(origin: handler.descriptor.key, yaml: example.yaml, accepted: true,
                               line: example.line, filePath: handler.descriptor.filePath)
            }
        }

        static let checkExamples: [Example] = BuiltinSettings.checks.flatMap { check in
            check.descriptor.examples.map { example in
                let accepted = if case .request = example.outcome { true } else { false }
                return Example(origin: check.descriptor.name, yaml: example.yaml, accepted: accepted,
                               line: example.line, filePath: check.descriptor.filePath)
            }
        }

        /// Bind mounts need their source on the host, which render can't see.
        static let hostDependentRefusals = ["bind source path does not exist"]

        /// The create request the handlers alone make of an example (no check runs,
        /// so a check's rejection reaches the engine), on an image the engine has.
        /// nil when render itself refuses a handler example (a check does: that
        /// verdict is compared through the check's own examples).
        func request(for example: Example) throws -> (CreateContainerRequest, String?)? {
            let node = try #require(try YAML.compose(example.yaml))
            var spec = ComponentSpec(name: "app")
            let registry = try BuiltinSettings.registry()
            if Self.handlerExamples.contains(where: { $0.yaml == example.yaml && $0.origin == example.origin }) {
                var whole = try #require(node.mapping).map { ($0.key, $0.value) }
                whole.append((Node("image"), Node(EndToEnd.busybox)))
                let definition = ComponentDefinition(name: "app", node: .mapping(Node.Mapping(whole)), source: "example")
                guard case .success = ComponentDriver(registry: registry).spec(for: definition) else { return nil }
            }
            for (key, value) in try #require(node.mapping) {
                let handler = try #require(registry.handler(for: key.string ?? ""))
                do {
                    try handler.apply(value, to: &spec, context: SettingContext(baseDirectory: "/", processEnvironment: [:]))
                } catch {
                    // Examples that read fixture files (env_file, seccomp) need the
                    // unit tests' folder; what they produce is plain text either way.
                    return nil
                }
            }
            spec.request.Image = EndToEnd.busybox
            spec.request.Cmd = ["true"]
            spec.request.Entrypoint = nil
            spec.request.Labels = (spec.request.Labels ?? [:]).merging([Self.label: "1"]) { $1 }
            return (spec.request, spec.lifecycle.platform)
        }

        func removeLeftovers(volumesBefore: Set<String>) {
            for id in (try? EndToEnd.containers(label: Self.label)) ?? [] {
                _ = try? EndToEnd.run(["docker", "rm", "--force", "--volumes", id])
            }
            // Named volumes in the examples (`data:/var/lib/data`) are made by the
            // engine at create time, and removing the container keeps them.
            for volume in (try? Self.volumes().subtracting(volumesBefore)) ?? [] {
                _ = try? EndToEnd.run(["docker", "volume", "rm", "--force", volume])
            }
        }

        static func volumes() throws -> Set<String> {
            Set(try EndToEnd.docker("volume", "ls", "--quiet").split(separator: "\n").map(String.init))
        }

        @Test("e2e: every handler example render accepts, the engine creates; every check's verdict, the engine shares")
        func differential() async throws {
            let volumesBefore = try Self.volumes()
            defer { removeLeftovers(volumesBefore: volumesBefore) }
            var sent = 0
            try await withEngineClient(logger: logger) { client in
                for example in Self.handlerExamples + Self.checkExamples {
                    guard let (request, platform) = try request(for: example) else { continue }
                    let location = SourceLocation(fileID: "Drivers/\(example.origin)", filePath: example.filePath, line: example.line, column: 1)
                    sent += 1
                    do {
                        let created = try await client.createContainer(request, name: nil, platform: platform)
                        _ = try await client.removeContainer(created.id, force: true, volumes: true)
                        #expect(example.accepted, "\(example.origin): \(example.yaml): render refuses it, but the engine created it", sourceLocation: location)
                    } catch let error as EngineError {
                        if example.accepted, Self.hostDependentRefusals.contains(where: { "\(error)".contains($0) }) { continue }
                        #expect(!example.accepted, "\(example.origin): \(example.yaml): render accepts it, but the engine refused: \(error)", sourceLocation: location)
                    }
                }
                #expect(try await client.listContainers(all: true, labels: [Self.label]).isEmpty)
            }
            // Nearly every example reaches the engine: the few left out read files.
            #expect(sent >= Self.handlerExamples.count + Self.checkExamples.count - 10, "only \(sent) examples were sent")
            #expect(try EndToEnd.containers(label: Self.label).isEmpty)
            removeLeftovers(volumesBefore: volumesBefore)
            #expect(try Self.volumes().subtracting(volumesBefore).isEmpty, "volumes were left")
        }
    }
}
