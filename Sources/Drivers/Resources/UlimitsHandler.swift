import Podlike
import PodlikeYAML

/// `ulimits: {nofile: 65535}` (soft = hard) or `ulimits: {nofile: {soft: 1024,
/// hard: 4096}}` → `HostConfig.Ulimits` as `{Name, Soft, Hard}`, sorted by name.
/// -1 means unlimited.
struct UlimitsHandler: SettingHandler {
    /// The names the engine knows (`setrlimit` resources without the `RLIMIT_`).
    static let names = [
        "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice",
        "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack",
    ]
    static let limitExpectation = "a limit like 65535, or -1 for unlimited"
    static let pairExample = "{soft: 1024, hard: 4096}"

    let descriptor = SettingDescriptor(
        key: "ulimits",
        summary: "resource limits such as nofile, as one number or {soft, hard}",
        examples: [
            SettingExample("ulimits: {nofile: 65535}", .request(#"{"HostConfig": {"Ulimits": [{"Name": "nofile", "Soft": 65535, "Hard": 65535}]}}"#)),
            SettingExample(
                "ulimits: {nproc: 512, nofile: {soft: 1024, hard: 4096}}",
                .request(#"{"HostConfig": {"Ulimits": [{"Name": "nofile", "Soft": 1024, "Hard": 4096}, {"Name": "nproc", "Soft": 512, "Hard": 512}]}}"#)),
            SettingExample("ulimits: {memlock: {soft: -1, hard: -1}}", .request(#"{"HostConfig": {"Ulimits": [{"Name": "memlock", "Soft": -1, "Hard": -1}]}}"#)),
            SettingExample("ulimits: {nofile: {soft: 8192, hard: 4096}}", .error("expected a soft limit no higher than the hard limit 4096, got 8192")),
            SettingExample("ulimits: {nofile: {soft: 1024}}", .error(#"ulimit "nofile" needs "hard", like {soft: 1024, hard: 4096}"#)),
            SettingExample("ulimits: {nofiles: 1024}", .error(#"unknown key "nofiles" in ulimits; did you mean "nofile"?"#)),
            SettingExample("ulimits: {nofile: lots}", .error(#"expected a limit like 65535, or -1 for unlimited, got "lots""#)),
            SettingExample("ulimits: [nofile=1024]", .error("expected a mapping like {nofile: 65535}, got a list")),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let limits = try value.fields(of: "ulimits", allowed: Self.names, expected: "a mapping like {nofile: 65535}")
        var ulimits: [Ulimit] = []
        for name in Self.names {
            guard let limit = limits[name] else { continue }
            ulimits.append(try ulimit(name, limit))
        }
        spec.request.HostConfig.Ulimits = ulimits
    }

    private func ulimit(_ name: String, _ node: Node) throws(SettingProblem) -> Ulimit {
        guard case .mapping = node else {
            let both = try node.integer(expected: Self.limitExpectation) { $0 >= -1 }
            return Ulimit(Name: name, Soft: both, Hard: both)
        }
        let pair = try node.fields(of: "ulimit \"\(name)\"", allowed: ["soft", "hard"], expected: Self.pairExample)
        let softNode = try pair.required("soft", like: Self.pairExample)
        let soft = try softNode.integer(expected: Self.limitExpectation) { $0 >= -1 }
        let hard = try pair.required("hard", like: Self.pairExample).integer(expected: Self.limitExpectation) { $0 >= -1 }
        // -1 is unlimited, so it is the highest of all.
        guard hard == -1 || (soft != -1 && soft <= hard) else {
            throw SettingProblem("expected a soft limit no higher than the hard limit \(hard), got \(soft)", at: softNode)
        }
        return Ulimit(Name: name, Soft: soft, Hard: hard)
    }
}
