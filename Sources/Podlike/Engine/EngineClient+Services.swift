extension EngineClient {
    /// `GET /services/{id}` (Swarm managers only): the service labels and stop grace
    /// period that Swarm does not copy onto its task containers.
    public func inspectService(_ id: String) async throws -> ServiceInspect {
        try await decoded(
            ServiceInspect.self, .get, "/services/\(Self.segment(id))",
            operation: engineOperation("inspect service", id))
    }
}
