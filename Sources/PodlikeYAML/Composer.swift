/// Builds nodes from libyaml's events, one document, within `YAMLLimits`.
struct Composer {
    let reader: EventReader
    let limits: YAMLLimits
    /// Anchored values and how many values each expands to.
    private var anchors: [String: (node: Node, weight: Int)] = [:]
    /// Values produced so far, each alias counted at its full size.
    private var produced = 0

    init(reader: EventReader, limits: YAMLLimits) {
        self.reader = reader
        self.limits = limits
    }

    mutating func document() throws(YAMLError) -> Node? {
        guard case .streamStart = try reader.next() else { throw YAMLError("the text does not start a YAML stream", at: nil) }
        guard case .documentStart = try reader.next() else { return nil }
        let (root, _) = try node(try reader.next(), depth: 0)
        _ = try reader.next()  // the document's end
        if case .documentStart = try reader.next() {
            throw YAMLError("found a second YAML document (after ---); one value holds one document", at: root.mark)
        }
        return root
    }

    /// A node and the number of values it holds.
    private mutating func node(_ event: Event, depth: Int) throws(YAMLError) -> (Node, Int) {
        switch event {
        case .scalar(let value, let anchor, let tag, let style, let mark):
            let scalar = Node.Scalar(value, tag: tag.map(Tag.explicit), style: style, mark: mark)
            return try anchored(.scalar(scalar), weight: 1, anchor: anchor)
        case .alias(let anchor, let mark):
            guard let (node, weight) = anchors[anchor] else {
                throw YAMLError("the alias *\(anchor) names no anchor written before it (&\(anchor))", at: mark)
            }
            try count(weight, at: mark)
            return (node, weight)
        case .sequenceStart(let anchor, let tag, let mark):
            try deeper(depth, at: mark)
            var items: [Node] = []
            var weight = 1
            while true {
                let next = try reader.next()
                if case .sequenceEnd = next { break }
                let (item, itemWeight) = try node(next, depth: depth + 1)
                items.append(item)
                weight += itemWeight
            }
            var sequence = Node.Sequence(items, mark: mark)
            sequence.tag = tag.map(Tag.explicit) ?? .seq
            return try anchored(.sequence(sequence), weight: weight, anchor: anchor)
        case .mappingStart(let anchor, let tag, let mark):
            try deeper(depth, at: mark)
            var pairs: [Node.Mapping.Pair] = []
            var weight = 1
            while true {
                let next = try reader.next()
                if case .mappingEnd = next { break }
                let (key, keyWeight) = try node(next, depth: depth + 1)
                let (value, valueWeight) = try node(try reader.next(), depth: depth + 1)
                pairs.append((key, value))
                weight += keyWeight + valueWeight
            }
            let merged = try MergeKeys.apply(to: pairs)
            var mapping = Node.Mapping(merged, mark: mark)
            mapping.tag = tag.map(Tag.explicit) ?? .map
            return try anchored(.mapping(mapping), weight: weight, anchor: anchor)
        default:
            throw YAMLError("the YAML ended in the middle of a value", at: nil)
        }
    }

    private mutating func anchored(_ node: Node, weight: Int, anchor: String?) throws(YAMLError) -> (Node, Int) {
        if let anchor { anchors[anchor] = (node, weight) }
        try count(1, at: node.mark)
        return (node, weight)
    }

    private mutating func count(_ weight: Int, at mark: Node.Mark?) throws(YAMLError) {
        produced += weight
        guard produced <= limits.nodes else {
            throw YAMLError("the YAML expands to more than \(limits.nodes) values (aliases count each time they are used); write it out more simply", at: mark)
        }
    }

    private func deeper(_ depth: Int, at mark: Node.Mark) throws(YAMLError) {
        guard depth < limits.depth else {
            throw YAMLError("mappings and lists nest deeper than \(limits.depth) levels here; podlike reads at most \(limits.depth)", at: mark)
        }
    }
}
