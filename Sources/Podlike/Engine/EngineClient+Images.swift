#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension EngineClient {
    /// `GET /images/{name}/json`; nil when the engine doesn't have the image.
    public func inspectImage(_ name: String) async throws -> ImageInspect? {
        let operation = engineOperation("inspect image", name)
        let response = try await call(
            .get, "/images/\(Self.imageSegment(name))/json", operation: operation, tolerating: [404])
        if response.status == 404 { return nil }
        return try Self.decode(ImageInspect.self, from: response.body, operation: operation)
    }

    /// `POST /images/create`: pulls `reference` (`name`, `name:tag` or `name@digest`;
    /// a bare name means `:latest`, as with the CLI, never "every tag"). Iterate the
    /// result to drive the pull; it throws the registry's message if the pull fails.
    /// `registryAuth` is the base64url JSON of the `X-Registry-Auth` header.
    public func pullImage(
        _ reference: String, platform: String? = nil, registryAuth: String? = nil
    ) async throws -> PullProgress {
        let operation = engineOperation("pull image", reference)
        let (name, tag) = Self.splitImageReference(reference)
        var headers = EngineHeaders()
        if let registryAuth { headers.add(name: "X-Registry-Auth", value: registryAuth) }
        let response = try await send(
            .post, "/images/create", query: [("fromImage", name), ("tag", tag), ("platform", platform)],
            headers: headers, timeout: .unlimited, operation: operation)
        return PullProgress(body: response.body, operation: operation) { message in
            if let error = message.errorDetail?.message ?? message.error {
                throw EngineError.failedInStream(operation, error)
            }
        }
    }

    /// `nginx` → (`nginx`, `latest`); `host:5000/app:1` → (`host:5000/app`, `1`);
    /// `app@sha256:...` → (`app`, `sha256:...`).
    static func splitImageReference(_ reference: String) -> (name: String, tag: String) {
        if let at = reference.firstIndex(of: "@") {
            var name = reference[..<at]
            if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") {
                name = name[..<colon]
            }
            return (String(name), String(reference[reference.index(after: at)...]))
        }
        if let colon = reference.lastIndex(of: ":"), !reference[colon...].contains("/") {
            return (String(reference[..<colon]), String(reference[reference.index(after: colon)...]))
        }
        return (reference, "latest")
    }
}
