#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore

extension EngineClient {
    /// `POST /containers/create`. Every warning the engine returns is logged with the
    /// container's name: they are how a user learns that a limit was not applied.
    public func createContainer(
        _ body: CreateContainerRequest, name: String? = nil, platform: String? = nil
    ) async throws -> CreatedContainer {
        let operation = name.map { engineOperation("create container", $0) }
            ?? engineOperation("create a container of image", body.Image ?? "")
        let created = try await decoded(
            CreatedContainer.self, .post, "/containers/create", query: [("name", name), ("platform", platform)],
            headers: Self.jsonHeaders, body: try Self.jsonBody(body, operation: operation), operation: operation)
        let subject = name ?? created.id
        for warning in created.warnings where !warning.isEmpty {
            logger.warning(
                "engine warning for container \"\(subject)\": \(warning)",
                metadata: ["container": "\(subject)", "container-id": "\(created.id)"])
        }
        return created
    }

    /// `POST /containers/{id}/start`; starting a running container is not an error.
    public func startContainer(_ id: String) async throws {
        _ = try await call(
            .post, "/containers/\(Self.segment(id))/start",
            operation: engineOperation("start container", id), tolerating: [304])
    }

    /// `GET /containers/{id}/json`.
    public func inspectContainer(_ id: String) async throws -> ContainerInspect {
        try await decoded(
            ContainerInspect.self, .get, "/containers/\(Self.segment(id))/json",
            operation: engineOperation("inspect container", id))
    }

    /// `POST /containers/{id}/wait`: the exit code, once `condition` holds. Never
    /// times out, since containers may run for months.
    public func waitContainer(_ id: String, condition: WaitCondition = .notRunning) async throws -> Int {
        let operation = engineOperation("wait for container", id)
        let response = try await decoded(
            ContainerWaitResponse.self, .post, "/containers/\(Self.segment(id))/wait",
            query: [("condition", condition.rawValue)], timeout: .unlimited, operation: operation)
        if let message = response.Error?.Message, !message.isEmpty {
            throw EngineError.failedInStream(operation, message)
        }
        return response.StatusCode
    }

    /// `POST /containers/{id}/stop`: SIGTERM (or the container's stop signal), then
    /// SIGKILL after `seconds` (the container's own default when nil). Stopping a
    /// stopped container is not an error.
    public func stopContainer(_ id: String, timeout seconds: Int? = nil) async throws {
        // The engine itself bounds the call by `seconds`; ours must not cut it short.
        _ = try await call(
            .post, "/containers/\(Self.segment(id))/stop", query: [("t", seconds.map(String.init))],
            timeout: .unlimited, operation: engineOperation("stop container", id), tolerating: [304])
    }

    /// `POST /containers/{id}/kill`. A container that is not running is a conflict (409).
    public func killContainer(_ id: String, signal: String = "SIGKILL") async throws {
        _ = try await call(
            .post, "/containers/\(Self.segment(id))/kill", query: [("signal", signal)],
            operation: engineOperation("kill container", id))
    }

    /// `DELETE /containers/{id}`. With `ignoreNotFound`, a container that is already
    /// gone, or already being removed (AutoRemove races us), counts as removed.
    public func removeContainer(
        _ id: String, force: Bool = false, volumes: Bool = false, ignoreNotFound: Bool = false
    ) async throws {
        let operation = engineOperation("remove container", id)
        do {
            _ = try await call(
                .delete, "/containers/\(Self.segment(id))",
                query: [("force", Self.flag(force)), ("v", Self.flag(volumes))], operation: operation)
        } catch let error as EngineError where ignoreNotFound {
            if error.isNotFound || error.isRemovalInProgress {
                logger.debug("container already removed", metadata: ["container": "\(id)"])
                return
            }
            throw error
        }
    }

    /// `GET /containers/json`, filtered by labels given as `key` or `key=value`.
    public func listContainers(all: Bool = true, labels: [String] = []) async throws -> [ContainerSummary] {
        let operation = labels.isEmpty ? "list containers" : "list containers labelled \(labels.joined(separator: ", "))"
        let filters = try Self.filtersJSON(labels.isEmpty ? [:] : ["label": labels], operation: operation)
        return try await decoded(
            [ContainerSummary].self, .get, "/containers/json", query: [("all", Self.flag(all)), ("filters", filters)],
            operation: operation)
    }

    /// `PUT /containers/{id}/archive`: unpacks a tar archive at `path` inside the
    /// container, which must exist there. Works on created, not yet started, containers.
    public func uploadArchive(_ id: String, path: String, tar: ByteBuffer) async throws {
        _ = try await call(
            .put, "/containers/\(Self.segment(id))/archive", query: [("path", path)],
            headers: ["Content-Type": "application/x-tar"], body: tar,
            operation: engineOperation("copy files into container", id) + " at \(path)")
    }
}
