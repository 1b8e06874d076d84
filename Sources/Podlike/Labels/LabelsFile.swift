import PodlikeYAML

/// Reads the labels file `podlike render` takes: a JSON or YAML mapping of
/// container labels, as `docker inspect` shows them under `.Config.Labels`.
public enum LabelsFile {
    public static func parse(_ text: String, path: String) throws(PodValidationFailure) -> [String: String] {
        let root: Node?
        do {
            root = try YAML.compose(text)
        } catch {
            throw PodValidationFailure([ValidationError(source: path, line: error.mark?.line, column: error.mark?.column,
                                                        message: "is neither JSON nor YAML: \(error.message)")])
        }
        if let problem = root?.foreignContent {
            throw PodValidationFailure([ValidationError(source: path, line: problem.mark?.line, column: problem.mark?.column, message: problem.message)])
        }
        guard let root, case .mapping(let mapping) = root else {
            throw PodValidationFailure([ValidationError(source: path, message: "expected a mapping of label names to values, like {\"pod.container.app\": \"image: nginx\"}")])
        }
        var labels: [String: String] = [:]
        var errors: [ValidationError] = []
        for (key, value) in mapping {
            guard let name = key.string, case .scalar(let scalar) = value else {
                errors.append(ValidationError(
                    source: path, line: value.mark?.line, column: value.mark?.column,
                    message: "label \(key.shortDescription) must have a string value, got \(value.shortDescription)"))
                continue
            }
            labels[name] = scalar.string
        }
        guard errors.isEmpty else { throw PodValidationFailure(errors) }
        return labels
    }
}
