import Foundation
import Testing

/// A stack deployed with `docker stack deploy` from a compose file that the test
/// writes, on the manager of `cluster`.
struct Stack {
    let name: String
    let cluster: SwarmCluster
    let file: URL

    init(_ prefix: String, on cluster: SwarmCluster) {
        name = EndToEnd.uniqueName(prefix)
        self.cluster = cluster
        file = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).yml")
    }

    /// A service's full name: `<stack>_<service>`.
    func service(_ service: String) -> String { "\(name)_\(service)" }

    /// Deploys `compose`, or updates the stack to it.
    func deploy(_ compose: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try compose.write(to: file, atomically: true, encoding: .utf8)
        try cluster.docker(on: cluster.manager, ["stack", "deploy", "--detach=true", "--resolve-image", "never", "-c", file.path, name],
                           sourceLocation: sourceLocation)
    }

    /// `docker stack rm`.
    func remove(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try cluster.docker(on: cluster.manager, ["stack", "rm", name], sourceLocation: sourceLocation)
    }

    /// Removes the stack, then whatever of it is left on any node (containers,
    /// volumes), and the file.
    func cleanUp() {
        _ = try? cluster.run(on: cluster.manager, ["stack", "rm", name])
        Thread.sleep(forTimeInterval: 1)
        for node in cluster.nodes {
            let leftovers = (try? cluster.run(on: node, [
                "ps", "-aq", "--no-trunc", "--filter", "label=com.docker.stack.namespace=\(name)",
            ]).stdout) ?? ""
            let pods = (try? cluster.run(on: node, [
                "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Label \"io.podlike.pod\"}}", "--filter", "label=io.podlike.controller",
            ]).stdout) ?? ""
            let podIDs = pods.split(separator: "\n").compactMap { line -> Substring? in
                let fields = line.split(separator: " ", maxSplits: 1)
                return fields.count == 2 && fields[1].hasPrefix("\(name)_") ? fields[0] : nil
            }
            for id in leftovers.split(separator: "\n") + podIDs {
                _ = try? cluster.run(on: node, ["rm", "-f", String(id)], timeout: 20)
            }
            // `docker stack rm` leaves the stack's volumes.
            let volumes = (try? cluster.run(on: node, ["volume", "ls", "-q", "--filter", "label=com.docker.stack.namespace=\(name)"]).stdout) ?? ""
            for volume in volumes.split(separator: "\n") {
                _ = try? cluster.run(on: node, ["volume", "rm", "-f", String(volume)], timeout: 20)
            }
        }
        try? FileManager.default.removeItem(at: file)
    }

    /// One service of the controller image, indented for a stack's `services:`:
    /// its arguments, a 10 s stop grace period, the engine socket of the node it
    /// runs on plus `volumes` (short syntax), and its container `labels`. The
    /// caller adds `deploy:` after it.
    static func controllerService(
        _ name: String, on cluster: SwarmCluster, image: String = EndToEnd.controllerImage, arguments: [String] = ["--logs"],
        volumes: [String] = [], labels: [String: String]
    ) -> String {
        var lines = [
            "  \(name):",
            "    image: \(image)",
            "    command: [\(arguments.map { "\"\($0)\"" }.joined(separator: ", "))]",
            "    stop_grace_period: 10s",
            "    volumes:",
            "      - type: bind",
            "        source: \"\(cluster.socketSource)\"",
            "        target: /var/run/docker.sock",
        ]
        lines += volumes.map { "      - \($0)" }
        lines.append("    labels:")
        lines += labels.sorted { $0.key < $1.key }.map { "      \($0.key): \(block($0.value, indent: 8))" }
        return lines.joined(separator: "\n")
    }

    /// `text` as a YAML literal block, indented by `spaces`, for a label value;
    /// `$` doubled, so that the stack's variable interpolation leaves it alone.
    static func block(_ text: String, indent spaces: Int) -> String {
        let indent = String(repeating: " ", count: spaces)
        return "|\n" + text.replacingOccurrences(of: "$", with: "$$").split(separator: "\n", omittingEmptySubsequences: true)
            .map { indent + $0 }.joined(separator: "\n")
    }
}
