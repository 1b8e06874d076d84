extension EngineClient {
    /// `GET /volumes/{name}`.
    public func inspectVolume(_ name: String) async throws -> VolumeSummary {
        try await decoded(VolumeSummary.self, .get, "/volumes/\(Self.segment(name))", operation: engineOperation("inspect volume", name))
    }

    /// `GET /volumes`, of those that carry every one of `labels` (`key=value`).
    public func listVolumes(labels: [String]) async throws -> [VolumeSummary] {
        let operation = "list volumes labelled \(labels.joined(separator: ", "))"
        let filters = try Self.filtersJSON(["label": labels], operation: operation)
        return try await decoded(VolumeList.self, .get, "/volumes", query: [("filters", filters)], operation: operation).Volumes ?? []
    }
}

/// A volume, as `GET /volumes/{name}` and `GET /volumes` show it.
public struct VolumeSummary: Codable, Sendable, Equatable {
    public var Name: String
    public var Labels: [String: String]?

    public init(Name: String, Labels: [String: String]? = nil) {
        self.Name = Name
        self.Labels = Labels
    }
}

struct VolumeList: Codable, Sendable {
    var Volumes: [VolumeSummary]?
}
