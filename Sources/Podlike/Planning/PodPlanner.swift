import PodlikeYAML

/// Validates a controller's labels into a `PodPlan`, reporting every problem of
/// every component at once.
public struct PodPlanner: Sendable {
    public let driver: ComponentDriver

    public init(driver: ComponentDriver) {
        self.driver = driver
    }

    public func plan(labels: [String: String], readFile: (String) throws -> String) throws(PodValidationFailure) -> PodPlan {
        var (pod, errors) = PodLabels.parseCollectingErrors(labels, readFile: readFile)
        var components: [PodPlan.Component] = []
        var warnings = pod.warnings
        for definition in pod.all {
            switch driver.spec(for: definition) {
            case .success(let spec):
                warnings += spec.warnings.map { "component \"\(definition.name)\": \($0)" }
                components.append(.init(
                    name: definition.name, isInit: definition.isInit, spec: spec,
                    copies: pod.copies[definition.name] ?? []))
            case .failure(let failure):
                errors += failure.errors
            }
        }
        if errors.isEmpty {
            errors += DependencyCheck.problems(in: components)
        }
        guard errors.isEmpty else { throw PodValidationFailure(errors) }
        return PodPlan(components: components, warnings: warnings)
    }
}
