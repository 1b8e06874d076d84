#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension EngineClient {
    /// `GET /events`: returns once the engine has accepted the subscription, so no
    /// event after this call is missed; start containers after it. `filters` are the
    /// API's (`type`, `container`, `label`, `event`, ...). With `since`, past events
    /// come first. The stream never ends on its own unless `until` is given.
    public func events(
        filters: [String: [String]] = [:], since: Date? = nil, until: Date? = nil
    ) async throws -> EngineEvents {
        let operation = "watch engine events"
        let response = try await send(
            .get, "/events",
            query: [
                ("since", since.map(Self.timestamp)), ("until", until.map(Self.timestamp)),
                ("filters", try Self.filtersJSON(filters, operation: operation)),
            ],
            timeout: .unlimited, operation: operation)
        return EngineEvents(body: response.body, operation: operation)
    }

    /// `GET /containers/{id}/logs`, stdout and stderr, as lines. `tty` must match the
    /// container's `Config.Tty`: a TTY container's output is one raw stream, any
    /// other's is multiplexed. With `follow`, the stream ends when the container stops.
    public func logs(_ id: String, follow: Bool = false, tty: Bool = false, since: Date? = nil) async throws -> ContainerLogs {
        let operation = engineOperation("read logs of container", id)
        let response = try await send(
            .get, "/containers/\(Self.segment(id))/logs",
            query: [
                ("stdout", "1"), ("stderr", "1"), ("follow", Self.flag(follow)),
                ("since", since.map(Self.timestamp)),
            ],
            timeout: follow ? .unlimited : .standard, operation: operation)
        return ContainerLogs(body: response.body, tty: tty, operation: operation)
    }

    /// `POST /containers/{id}/attach` for stdout and stderr, made before the
    /// container starts, as `docker run` does: unlike following the logs, it
    /// delivers every line up to the container's exit, even when the engine
    /// removes the container right after. Returns once the engine is attached.
    public func attachOutput(_ id: String, tty: Bool) async throws -> ContainerLogs {
        let operation = engineOperation("attach to container", id)
        let response = try await send(
            .post, "/containers/\(Self.segment(id))/attach",
            query: [("stream", "1"), ("stdout", "1"), ("stderr", "1")],
            timeout: .unlimited, operation: operation)
        return ContainerLogs(body: response.body, tty: tty, operation: operation)
    }
}
