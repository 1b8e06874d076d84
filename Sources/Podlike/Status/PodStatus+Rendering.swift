#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension PodStatus {
    /// The wire format, and `podlike status --json`: one JSON document, keys sorted.
    public func json(pretty: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys]
        return Array(try encoder.encode(self))
    }

    public init(json: [UInt8]) throws {
        self = try JSONDecoder().decode(PodStatus.self, from: Data(json))
    }

    /// What `podlike healthcheck` prints; the engine keeps it in the container's
    /// health log, so it names the components that hold the pod back.
    public var healthReport: String {
        guard health != .healthy else {
            let running = components.filter { $0.state == .running }.count
            return "pod is healthy: \(running) of \(components.count) components running"
        }
        let holdingBack = componentsNotHealthy.map { "  \($0.summary)" }
        return (["pod is \(health.rawValue)"] + (holdingBack.isEmpty ? ["  no component is running"] : holdingBack))
            .joined(separator: "\n")
    }

    /// What `podlike status` prints: the pod's health, then one row per component.
    public var table: String {
        let header = ["COMPONENT", "CONTAINER", "STATE", "HEALTH", "RESTARTS", "EXIT CODE"]
        let rows = components.map { component in
            [
                component.displayName,
                component.containerID.map { String($0.prefix(12)) } ?? "-",
                component.state.rawValue,
                component.health.rawValue,
                String(component.restarts),
                component.exitCode.map(String.init) ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + rows).map { row in
            row.enumerated()
                .map { column, cell in column == row.count - 1 ? cell : cell.padded(to: widths[column]) }
                .joined(separator: "  ")
        }
        return (["pod: \(health.rawValue)"] + lines).joined(separator: "\n")
    }
}

extension ComponentStatus {
    /// The name, with the role that explains why an exit 0 doesn't count.
    var displayName: String {
        if isInit { return "\(name) (init)" }
        if isJob { return "\(name) (job)" }
        return name
    }

    /// One line for the health report, e.g. `app: running, health starting`.
    var summary: String {
        var text = "\(displayName): \(state.rawValue)"
        if let exitCode, state == .exited || state == .restarting { text += ", exit code \(exitCode)" }
        if state == .running, health != .none { text += ", health \(health.rawValue)" }
        if restarts > 0 { text += ", \(restarts) restart\(restarts == 1 ? "" : "s")" }
        return text
    }
}
