/// A node's type: written (`!!str 8080`) or resolved from a plain scalar's
/// spelling. Only the core schema's are read; any other is kept so that
/// `Node.foreignContent` can name it.
public struct Tag: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    init(_ name: String) {
        self.name = name
    }

    public static let str = Tag("tag:yaml.org,2002:str")
    public static let int = Tag("tag:yaml.org,2002:int")
    public static let float = Tag("tag:yaml.org,2002:float")
    public static let bool = Tag("tag:yaml.org,2002:bool")
    public static let null = Tag("tag:yaml.org,2002:null")
    public static let map = Tag("tag:yaml.org,2002:map")
    public static let seq = Tag("tag:yaml.org,2002:seq")
    /// `<<`, the merge key.
    public static let merge = Tag("tag:yaml.org,2002:merge")

    static let core: [Tag] = [.str, .int, .float, .bool, .null, .map, .seq, .merge]

    /// An explicit tag as libyaml reports it; a lone `!` means "string".
    static func explicit(_ written: String) -> Tag {
        written == "!" ? .str : Tag(written)
    }

    /// One of the core schema's, which podlike reads.
    public var isCore: Bool { Self.core.contains(self) }

    /// `!!binary` rather than `tag:yaml.org,2002:binary`, as it is written.
    public var description: String { Self.spelled(name) }

    static func spelled(_ name: String) -> String {
        name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
    }

    /// What a plain scalar is by its spelling (YAML 1.1 booleans included, as
    /// Compose files use `yes` and `no`).
    static func resolving(plain text: String) -> Tag {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "false", "False", "FALSE",
            "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF":
            return .bool
        case "<<": return .merge
        default: break
        }
        if Int64(text) != nil || isPrefixedInteger(text) { return .int }
        if isFloat(text) { return .float }
        return .str
    }

    private static func isPrefixedInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        if digits.hasPrefix("0x") { return !digits.dropFirst(2).isEmpty && digits.dropFirst(2).allSatisfy(\.isHexDigit) }
        if digits.hasPrefix("0o") { return !digits.dropFirst(2).isEmpty && digits.dropFirst(2).allSatisfy { ("0"..."7").contains($0) } }
        return false
    }

    private static func isFloat(_ text: String) -> Bool {
        switch text.lowercased() {
        case ".inf", "+.inf", "-.inf", ".nan": return true
        default: return text.contains(where: \.isNumber) && Double(text) != nil
        }
    }
}

extension Node {
    /// A plain `~`, `null` or nothing at all.
    public var isNull: Bool { tag == .null }

    /// A boolean by YAML 1.1's spellings (`true`, `yes`, `on`, any case); nil for
    /// anything else, a quoted `"true"` included.
    public var bool: Bool? {
        guard case .scalar(let scalar) = self, scalar.tag != .str else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}
