#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import PodlikeYAML

/// Reads a controller's labels into a `PodDefinition`, collecting every problem.
public enum PodLabels {
    public static let containerPrefix = "pod.container."
    public static let componentPrefix = "pod.component."
    public static let initComponents = "pod.init.components"
    public static let copyPrefix = "pod.copy."
    public static let composeFile = "pod.compose.file"

    /// Only labels under `pod.` concern podlike.
    public static func isPodLabel(_ key: String) -> Bool { key.hasPrefix("pod.") }

    /// - Parameter readFile: reads a path inside the controller (for `pod.compose.file`).
    public static func parse(
        _ labels: [String: String], readFile: (String) throws -> String
    ) -> Result<PodDefinition, PodValidationFailure> {
        let (pod, errors) = parseCollectingErrors(labels, readFile: readFile)
        return errors.isEmpty ? .success(pod) : .failure(PodValidationFailure(errors))
    }

    /// Everything that could be read, and the problems with the rest, so that
    /// validation can go on and report every problem at once.
    public static func parseCollectingErrors(
        _ labels: [String: String], readFile: (String) throws -> String
    ) -> (PodDefinition, [ValidationError]) {
        var pod = PodDefinition()
        var errors: [ValidationError] = []
        var named: [String: ComponentDefinition] = [:]
        var copyLabels: [(component: String, label: String, node: Node)] = []

        func add(_ definition: ComponentDefinition) {
            if let existing = named[definition.name] {
                errors.append(ValidationError(
                    component: definition.name, source: definition.source,
                    message: "defined twice, by \(existing.source) and by \(definition.source); keep one of them"))
                return
            }
            if let problem = ComponentDefinition.validateName(definition.name) {
                errors.append(ValidationError(source: definition.source, message: problem))
                return
            }
            named[definition.name] = definition
        }

        for (label, value) in labels.sorted(by: { $0.key < $1.key }) where isPodLabel(label) {
            if let name = label.dropPrefix(containerPrefix) ?? label.dropPrefix(componentPrefix) {
                guard let node = yaml(value, label: label, errors: &errors) else { continue }
                add(ComponentDefinition(name: name, node: node, source: "label \"\(label)\""))
            } else if label == initComponents {
                guard let node = yaml(value, label: label, errors: &errors) else { continue }
                guard case .sequence(let items) = node else {
                    errors.append(ValidationError(
                        source: label, line: node.mark?.line, column: node.mark?.column,
                        message: "expected a YAML list of component mappings, like \"- image: busybox\", got \(node.shortDescription)"))
                    continue
                }
                for (index, item) in items.enumerated() {
                    let definition = ComponentDefinition(name: "init-\(index + 1)", node: item, isInit: true, source: "label \"\(label)\"")
                    add(definition)
                    pod.initComponents.append(definition)
                }
            } else if let name = label.dropPrefix(copyPrefix) {
                guard let node = yaml(value, label: label, errors: &errors) else { continue }
                copyLabels.append((name, label, node))
            } else if label == composeFile {
                for definition in composeServices(path: value, readFile: readFile, errors: &errors) {
                    add(definition)
                }
            } else {
                pod.warnings.append("label \"\(label)\" is not a podlike label and is ignored")
            }
        }

        if named.count > PodInputLimits.components {
            errors.append(ValidationError(message: """
                the pod has \(named.count) components; podlike runs at most \(PodInputLimits.components) in one pod. \
                Split it into several services
                """))
            return (pod, errors)
        }

        let initNames = Set(pod.initComponents.map(\.name))
        pod.components = named.values.filter { !initNames.contains($0.name) }.sorted { $0.name < $1.name }

        for (component, label, node) in copyLabels {
            guard named[component] != nil else {
                let known = named.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                errors.append(ValidationError(
                    source: label, line: node.mark?.line, column: node.mark?.column,
                    message: "\"\(component)\" is not a component of this pod; the components are \(known.isEmpty ? "none" : known)"))
                continue
            }
            do {
                pod.copies[component, default: []] += try CopyInstruction.parse(node)
            } catch {
                errors.append(ValidationError(component: component, key: label, problem: error))
            }
        }

        if named.isEmpty, errors.isEmpty {
            errors.append(ValidationError(message: """
                no components defined: add a label such as pod.container.app with a Compose service \
                mapping like "image: nginx", or pod.init.components, or pod.compose.file
                """))
        }
        return (pod, errors)
    }

    private static func yaml(_ text: String, label: String, errors: inout [ValidationError]) -> Node? {
        if let problem = PodInputLimits.valueProblem(text, what: "the value") {
            errors.append(ValidationError(source: label, message: problem))
            return nil
        }
        do {
            guard let node = try YAML.compose(text) else {
                errors.append(ValidationError(source: label, message: "the label is empty; it needs a YAML value"))
                return nil
            }
            return node
        } catch {
            errors.append(ValidationError(source: label, line: error.mark?.line, column: error.mark?.column,
                                          message: "is not valid YAML: \(error.message)"))
            return nil
        }
    }

    /// Why a file can't be read, in words.
    private static func reason(_ error: any Error) -> String {
        if let problem = error as? TextFile.Problem, problem.isMissing {
            return "it does not exist there; mount it into the controller (a Swarm config, or a volume) or fix the path"
        }
        guard let error = error as? CocoaError else { return "\(error)" }
        switch error.code {
        case .fileReadNoSuchFile, .fileNoSuchFile:
            return "it does not exist there; mount it into the controller (a Swarm config, or a volume) or fix the path"
        case .fileReadNoPermission:
            return "permission denied"
        default:
            return (error.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? "\(error)"
        }
    }

    private static func composeServices(path value: String, readFile: (String) throws -> String, errors: inout [ValidationError]) -> [ComponentDefinition] {
        // A YAML block (`pod.compose.file: |`) brings a final newline along.
        let path = value.trimmingWhitespace
        guard path.hasPrefix("/") else {
            errors.append(ValidationError(source: composeFile, message: "expected an absolute path inside the controller, like \"/etc/pod/compose.yml\", got \"\(path)\""))
            return []
        }
        let source = "pod.compose.file \(path)"
        let text: String
        do {
            text = try readFile(path)
        } catch {
            errors.append(ValidationError(source: composeFile, message: "can't read the Compose file \"\(path)\" inside the controller: \(reason(error))"))
            return []
        }
        guard let root = yaml(text, label: source, errors: &errors) else { return [] }
        guard let services = root["services"], case .mapping(let mapping) = services else {
            errors.append(ValidationError(source: source, message: "expected a Compose file with a \"services\" mapping"))
            return []
        }
        return mapping.compactMap { key, value in
            guard let name = key.string else { return nil }
            return ComponentDefinition(name: name, node: value, source: source, skipsUnsupportedKeys: true)
        }
    }
}

extension String {
    func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
