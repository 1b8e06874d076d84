/// A YAML value as written, after aliases were expanded and merge keys applied.
/// Every node keeps where it was written, so a message can point at it.
public enum Node: Sendable, Hashable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts, counted from 1 as editors do.
    public struct Mark: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public var description: String { "\(line):\(column)" }
    }

    public struct Scalar: Sendable, Hashable {
        public enum Style: Sendable, Hashable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        /// The text as written, after YAML's own unescaping and folding.
        public var string: String
        /// What the core schema makes of it: an explicit tag, or the one a plain scalar resolves to.
        public var tag: Tag
        public var style: Style
        public var mark: Mark?

        public init(_ string: String, tag: Tag? = nil, style: Style = .plain, mark: Mark? = nil) {
            self.string = string
            self.tag = tag ?? (style == .plain ? Tag.resolving(plain: string) : .str)
            self.style = style
            self.mark = mark
        }
    }

    /// A mapping's pairs in the order written.
    public struct Mapping: Sendable, Hashable, RandomAccessCollection {
        public typealias Pair = (key: Node, value: Node)
        private var pairs: [Entry]
        public var mark: Mark?
        public var tag: Tag = .map

        private struct Entry: Sendable, Hashable {
            var key: Node
            var value: Node
        }

        public init(_ pairs: [Pair], mark: Mark? = nil) {
            self.pairs = pairs.map { Entry(key: $0.key, value: $0.value) }
            self.mark = mark
        }

        public var startIndex: Int { pairs.startIndex }
        public var endIndex: Int { pairs.endIndex }
        public subscript(position: Int) -> Pair { (pairs[position].key, pairs[position].value) }

        public var keys: [Node] { pairs.map(\.key) }
        public var values: [Node] { pairs.map(\.value) }

        /// The value of the last key written with this text, as YAML loaders keep it.
        public subscript(key: String) -> Node? {
            pairs.last { $0.key.string == key }?.value
        }
    }

    public struct Sequence: Sendable, Hashable, RandomAccessCollection {
        private var items: [Node]
        public var mark: Mark?
        public var tag: Tag = .seq

        public init(_ items: [Node], mark: Mark? = nil) {
            self.items = items
            self.mark = mark
        }

        public var startIndex: Int { items.startIndex }
        public var endIndex: Int { items.endIndex }
        public subscript(position: Int) -> Node { items[position] }
    }
}

extension Node {
    public init(_ string: String) {
        self = .scalar(Scalar(string))
    }

    public var mark: Mark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    public var tag: Tag {
        switch self {
        case .scalar(let scalar): scalar.tag
        case .mapping(let mapping): mapping.tag
        case .sequence(let sequence): sequence.tag
        }
    }

    /// A scalar's text; nil for a mapping or a list.
    public var string: String? {
        guard case .scalar(let scalar) = self else { return nil }
        return scalar.string
    }

    public var mapping: Mapping? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping
    }

    public var sequence: Sequence? {
        guard case .sequence(let sequence) = self else { return nil }
        return sequence
    }

    /// A mapping's value for `key`.
    public subscript(key: String) -> Node? {
        mapping?[key]
    }
}
