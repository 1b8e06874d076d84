import Logging

/// Makes sure every component's image is there before anything is created:
/// pulls what is missing (or everything, with `--pull` or `pull_policy: always`)
/// and fails early when `pull_policy: never` meets a missing image.
struct ImagePuller: Sendable {
    let engine: EngineClient
    let logger: Logger
    var credentials: RegistryCredentials = .none

    func ensureImages(for plan: PodPlan, alwaysPull: Bool) async throws {
        var seen = Set<String>()
        for component in plan.components {
            let image = component.spec.request.Image ?? ""
            let lifecycle = component.spec.lifecycle
            guard seen.insert(image + "|" + (lifecycle.platform ?? "")).inserted else { continue }
            let policy = alwaysPull ? .always : lifecycle.pullPolicy
            if policy != .always, try await engine.inspectImage(image) != nil { continue }
            guard policy != .never else {
                throw PodFailure(.image, component: component.name, "image \"\(image)\" is not on this node and its pull_policy is never; load it first or use pull_policy: missing")
            }
            try await pull(image, platform: lifecycle.platform, component: component.name)
        }
    }

    private func pull(_ image: String, platform: String?, component: String) async throws {
        logger.info("pulling \(image)", metadata: ["component": "\(component)"])
        var layers: [String: String] = [:]
        do {
            let auth = credentials.registryAuthHeader(for: image)
            for try await message in try await engine.pullImage(image, platform: platform, registryAuth: auth) {
                guard let status = message.status else { continue }
                // One line per layer state change, not one per progress tick.
                let key = message.id ?? ""
                if layers[key] != status {
                    layers[key] = status
                    logger.info("\(key.isEmpty ? "" : key + ": ")\(status)", metadata: ["image": "\(image)"])
                }
            }
        } catch {
            throw PodFailure(.image, component: component, "pulling \"\(image)\" failed", underlying: error)
        }
    }
}
