import PodlikeYAML

/// One component as the user wrote it, before any handler has looked at it.
public struct ComponentDefinition {
    public var name: String
    public var node: Node
    public var isInit: Bool
    /// The label (or file) it came from, for error messages.
    public var source: String
    /// True for `pod.compose.file` services: keys a pod can't honour are warned
    /// about and skipped rather than rejected.
    public var skipsUnsupportedKeys: Bool

    public init(name: String, node: Node, isInit: Bool = false, source: String, skipsUnsupportedKeys: Bool = false) {
        self.name = name
        self.node = node
        self.isInit = isInit
        self.source = source
        self.skipsUnsupportedKeys = skipsUnsupportedKeys
    }

    /// Component names end up in container names and labels.
    public static func validateName(_ name: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
        guard let first = name.first, first.isASCII, first.isLetter || first.isNumber,
              name.allSatisfy({ allowed.contains($0) })
        else {
            return "component name \"\(name)\" must match [a-zA-Z0-9][a-zA-Z0-9_.-]*"
        }
        return nil
    }
}
