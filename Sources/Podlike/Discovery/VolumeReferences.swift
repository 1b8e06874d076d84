import Logging

/// How a component's `volumes: [data:/x]` finds the pod's own volume rather than
/// a node-wide one named `data`, as the original podlike resolved it. A name is
/// taken from each of the controller's volumes, by the first that applies:
/// - its `com.github.rycus86.podlike.volume-ref` label;
/// - its name less the stack's `<namespace>_` prefix (the volume's
///   `com.docker.stack.namespace` label, or the controller's);
/// - its `com.docker.compose.volume` label.
///
/// Inside a stack, the stack's other volumes on this node answer to their names
/// less the prefix too. A name that matches nothing is used as it is.
public struct VolumeReferences: Sendable, Equatable {
    public static let referenceLabel = "com.github.rycus86.podlike.volume-ref"
    public static let stackNamespaceLabel = "com.docker.stack.namespace"
    public static let composeVolumeLabel = "com.docker.compose.volume"

    /// Reference → the volume's real name.
    public var names: [String: String]

    public init(names: [String: String] = [:]) {
        self.names = names
    }

    /// From the controller's volumes (first) and the stack's volumes on this node.
    public init(controllerVolumes: [VolumeSummary], stackNamespace: String?, stackVolumes: [VolumeSummary] = []) {
        var names: [String: String] = [:]
        for volume in controllerVolumes {
            guard let reference = Self.reference(of: volume, stackNamespace: stackNamespace), names[reference] == nil else { continue }
            names[reference] = volume.Name
        }
        if let stackNamespace {
            for volume in stackVolumes where volume.Name.hasPrefix(stackNamespace + "_") {
                let reference = String(volume.Name.dropFirst(stackNamespace.count + 1))
                if names[reference] == nil { names[reference] = volume.Name }
            }
        }
        self.names = names
    }

    static func reference(of volume: VolumeSummary, stackNamespace: String?) -> String? {
        let labels = volume.Labels ?? [:]
        if let reference = labels[referenceLabel], !reference.isEmpty { return reference }
        if let namespace = labels[stackNamespaceLabel] ?? stackNamespace, volume.Name.hasPrefix(namespace + "_") {
            return String(volume.Name.dropFirst(namespace.count + 1))
        }
        if let composeName = labels[composeVolumeLabel], !composeName.isEmpty { return composeName }
        return nil
    }

    /// The volume a component's `name` means.
    public func resolve(_ name: String) -> String {
        names[name] ?? name
    }

    /// Reads the labels of the controller's volumes, and the stack's volumes on
    /// this node. A volume that can't be read is logged and taken by its name alone.
    public static func discover(engine: EngineClient, controller: ContainerInspect, logger: Logger) async -> VolumeReferences {
        let namespace = controller.Config.Labels?[stackNamespaceLabel]
        var volumes: [VolumeSummary] = []
        for mount in controller.Mounts ?? [] where mount.Type == "volume" {
            guard let name = mount.Name else { continue }
            do {
                volumes.append(try await engine.inspectVolume(name))
            } catch {
                logger.warning("could not read volume \(name) to resolve components' volume references: \(error)")
                volumes.append(VolumeSummary(Name: name))
            }
        }
        var stackVolumes: [VolumeSummary] = []
        if let namespace {
            do {
                stackVolumes = try await engine.listVolumes(labels: ["\(stackNamespaceLabel)=\(namespace)"])
            } catch {
                logger.warning("could not list stack \(namespace)'s volumes: \(error)")
            }
        }
        let references = VolumeReferences(controllerVolumes: volumes, stackNamespace: namespace, stackVolumes: stackVolumes)
        for (reference, name) in references.names.sorted(by: { $0.key < $1.key }) where reference != name {
            logger.info("components' volume \"\(reference)\" is \(name)")
        }
        return references
    }
}
