import CLibYAML

/// One libyaml parse event, copied out of the C structure.
enum Event {
    case streamStart, streamEnd, documentStart, documentEnd, sequenceEnd, mappingEnd
    case alias(anchor: String, mark: Node.Mark)
    case scalar(value: String, anchor: String?, tag: String?, style: Node.Scalar.Style, mark: Node.Mark)
    case sequenceStart(anchor: String?, tag: String?, mark: Node.Mark)
    case mappingStart(anchor: String?, tag: String?, mark: Node.Mark)
}

/// Reads a text's events through libyaml. The parser and a copy of the text live
/// as long as the reader; the class exists only to free them once.
final class EventReader {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let input: UnsafeMutableBufferPointer<UInt8>

    init(_ text: String) {
        var utf8 = Array(text.utf8)
        input = .allocate(capacity: max(utf8.count, 1))
        _ = input.initialize(from: utf8)
        utf8.removeAll()
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, text.utf8.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    func next() throws(YAMLError) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw parserError() }
        defer { yaml_event_delete(&event) }
        let mark = Self.mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.text(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return .scalar(value: value, anchor: Self.text(scalar.anchor), tag: Self.text(scalar.tag),
                           style: Self.style(scalar.style), mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return .sequenceStart(anchor: Self.text(start.anchor), tag: Self.text(start.tag), mark: mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return .mappingStart(anchor: Self.text(start.anchor), tag: Self.text(start.tag), mark: mark)
        default:
            throw YAMLError("libyaml reported an event podlike does not know (\(event.type.rawValue))", at: mark)
        }
    }

    /// libyaml's own words: "found unexpected end of stream while scanning a quoted scalar".
    private func parserError() -> YAMLError {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "the text is not valid YAML"
        let context = parser.pointee.context.map { " " + String(cString: $0) } ?? ""
        return YAMLError(problem + context, at: Self.mark(parser.pointee.problem_mark))
    }

    private static func mark(_ mark: yaml_mark_t) -> Node.Mark {
        Node.Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> Node.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
