import PodlikeYAML

/// Turns one component's Compose mapping into its spec: the registered handler of
/// each key, then every check between keys; then, with the pod's context, every
/// pod-level handler (`applying`), to the components and the IPC holder alike.
/// It never knows any key itself, and the registry is given to it once.
public struct ComponentDriver: Sendable {
    public let registry: HandlerRegistry
    public let context: SettingContext

    public init(registry: HandlerRegistry, context: SettingContext = .init()) {
        self.registry = registry
        self.context = context
    }

    /// The component's own settings, or every problem found in them.
    public func spec(for definition: ComponentDefinition) -> Result<ComponentSpec, PodValidationFailure> {
        var spec = ComponentSpec(name: definition.name)
        var errors: [ValidationError] = []
        func fail(_ key: String?, _ problem: SettingProblem) {
            errors.append(ValidationError(
                component: definition.name, key: key, source: definition.source,
                line: problem.line, column: problem.column, message: problem.message))
        }

        guard case .mapping(let mapping) = definition.node else {
            fail(nil, .expected("a mapping of Compose settings such as \"image: nginx\"", got: definition.node))
            return .failure(PodValidationFailure(errors))
        }
        if mapping.tag != .map, let problem = definition.node.foreignContent {
            fail(nil, SettingProblem(problem))
            return .failure(PodValidationFailure(errors))
        }
        for (keyNode, value) in mapping {
            // A tag outside the core schema or a NUL: no handler could honour it.
            if let problem = keyNode.foreignContent ?? value.foreignContent {
                fail(keyNode.string, SettingProblem(problem))
                continue
            }
            guard let key = keyNode.string, case .scalar = keyNode else {
                fail(nil, .expected("a setting name", got: keyNode))
                continue
            }
            if key.hasPrefix("x-") { continue }  // Compose extension fields carry no settings.
            guard key.count <= PodInputLimits.keyCharacters else {
                fail(String(key.prefix(40)) + "...", SettingProblem(
                    "a key \(key.count) characters long; keys are at most \(PodInputLimits.keyCharacters) characters, and `podlike settings` lists every key",
                    at: keyNode))
                continue
            }
            let handler = registry.handler(for: key)
            if definition.skipsUnsupportedKeys, handler?.descriptor.isSupported != true {
                let reason = handler.map { $0.descriptor.text } ?? "not a Compose setting"
                spec.warnings.append("key \"\(key)\" skipped: \(reason)")
                continue
            }
            guard let handler else {
                let hint = registry.suggestion(for: key).map { "; did you mean \"\($0)\"?" } ?? "; `podlike settings` lists every key"
                fail(key, SettingProblem("unknown setting\(hint)", at: keyNode))
                continue
            }
            do {
                try handler.apply(value, to: &spec, context: context)
                spec.keyLines[key] = keyNode.mark?.line
            } catch {
                fail(key, error)
            }
        }
        for check in registry.checks {
            guard let problem = check.problem(in: spec) else { continue }
            fail(problem.key, SettingProblem(problem.message, line: spec.keyLines[problem.key], column: nil))
        }
        if spec.request.Image == nil, !errors.contains(where: { $0.key == "image" }) {
            fail("image", SettingProblem("every component needs an image, for example \"image: nginx:1.25\"", at: definition.node))
        }
        return errors.isEmpty ? .success(spec) : .failure(PodValidationFailure(errors))
    }
}
