#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Clues to the controller's own container ID, from inside the container. No one
/// source is enough: cgroup v2 hosts with a private cgroup namespace show "/" in
/// `/proc/self/cgroup`, and a user can change the hostname. `/proc/self/mountinfo`
/// names the engine's per-container folder (for /etc/hostname and friends) on both.
public struct ContainerIdentity: Sendable, Equatable {
    /// Candidate IDs or ID prefixes, best first, without duplicates.
    public var candidates: [String]

    public init(mountinfo: String?, cgroup: String?, hostname: String?) {
        var found: [String] = []
        func add(_ id: String?) {
            if let id, !found.contains(id) { found.append(id) }
        }
        for line in (mountinfo ?? "").split(separator: "\n") {
            // Only the engine's own per-container files, mounted at these paths in
            // the container; a host's mountinfo names other containers' folders too.
            let fields = line.split(separator: " ")
            guard fields.count > 4, ["/etc/hostname", "/etc/hosts", "/etc/resolv.conf"].contains(fields[4]) else { continue }
            add(Self.id(after: "/containers/", in: fields[3]))
        }
        for line in (cgroup ?? "").split(separator: "\n") {
            // cgroupfs: /docker/<id>; systemd: /system.slice/docker-<id>.scope
            add(Self.id(after: "/docker/", in: line) ?? Self.id(after: "docker-", in: line))
        }
        if let hostname = hostname?.trimmingWhitespace,
           hostname.count >= 12, hostname.allSatisfy(\.isHexDigit) {
            add(hostname)
        }
        candidates = found
    }

    /// Reads the clues of the current process.
    public static func current() -> ContainerIdentity {
        ContainerIdentity(
            mountinfo: try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8),
            cgroup: try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8),
            hostname: try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))
    }

    /// A 64-digit hex ID right after `marker`.
    private static func id(after marker: String, in line: Substring) -> String? {
        var rest = line[...]
        while let range = rest.firstRange(of: marker) {
            let id = rest[range.upperBound...].prefix(64)
            if id.count == 64, id.allSatisfy(\.isHexDigit) { return String(id) }
            rest = rest[range.upperBound...]
        }
        return nil
    }
}
