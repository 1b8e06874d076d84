/// The most podlike reads from a controller's labels. Anyone who may deploy a
/// stack writes them, so each has a bound; past one, validation fails (exit 125)
/// with a message that names it. The YAML in them has its own (`YAMLLimits`).
public enum PodInputLimits {
    /// The longest label value, and the longest `pod.compose.file`: 1 MiB. A Swarm
    /// service spec, labels and all, must fit the manager's 4 MiB messages.
    public static let valueBytes = 1 << 20
    /// Components in one pod, init components included.
    public static let components = 256
    /// The longest setting key in a component's mapping, in characters; the
    /// longest key Compose knows has 25.
    public static let keyCharacters = 128

    static func valueProblem(_ text: String, what: String) -> String? {
        let bytes = text.utf8.count
        guard bytes > valueBytes else { return nil }
        return "\(what) is \(bytes) bytes long; podlike reads at most \(valueBytes) bytes (1 MiB) there. Move large content into a file mounted into the controller (a Swarm config) and copy it with pod.copy"
    }
}
