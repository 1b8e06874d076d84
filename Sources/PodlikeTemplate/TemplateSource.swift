/// Where one template's text comes from, as an `x-podlike` entry writes it:
/// a path or URL string, `file:`, `inline:` or `http:`, each file or URL with
/// an optional `fallback` tried when it can't be read.
public indirect enum TemplateSource: Sendable, Equatable {
    case file(path: String, fallback: TemplateSource?)
    case inline(String)
    case http(url: String, insecure: Bool, fallback: TemplateSource?)

    /// What an error calls this source.
    public var label: String {
        switch self {
        case .file(let path, _): return "file \"\(path)\""
        case .inline: return "inline template"
        case .http(let url, _, _): return "URL \"\(url)\""
        }
    }

    /// The name Go's `text/template` gave it: the file's base name, else "inline".
    public var templateName: String {
        switch self {
        case .file(let path, _): return path.split(separator: "/").last.map(String.init) ?? path
        case .inline, .http: return "inline"
        }
    }

    /// One entry: a string is a URL when it starts with `http://` or
    /// `https://` (any case), else a path.
    public static func parse(_ value: StackValue, at place: String) throws(TemplateFailure) -> TemplateSource {
        switch value {
        case .string(let string):
            let lower = string.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
                return .http(url: string, insecure: false, fallback: nil)
            }
            return .file(path: string, fallback: nil)
        case .map(let map):
            if let file = map["file"] { return try parseFile(file, at: place) }
            if let inline = map["inline"] { return try parseInline(inline, at: place) }
            if let http = map["http"] { return try parseHTTP(http, at: place) }
            throw TemplateFailure("\(place): a template is a path, a URL, or a mapping with `file`, `inline` or `http`; got keys \(map.keys)")
        default:
            throw TemplateFailure("\(place): a template is a path, a URL, or a mapping with `file`, `inline` or `http`")
        }
    }

    private static func parseFile(_ value: StackValue, at place: String) throws(TemplateFailure) -> TemplateSource {
        if let path = value.stringValue { return .file(path: path, fallback: nil) }
        guard let map = value.mapValue else {
            throw TemplateFailure("\(place): `file` is a path or a mapping with `path` and an optional `fallback`")
        }
        guard let path = map["path"] else { throw TemplateFailure("\(place): `file` needs a `path`") }
        guard let pathText = path.stringValue else { throw TemplateFailure("\(place): `file.path` must be a string") }
        return .file(path: pathText, fallback: try fallback(in: map, at: place))
    }

    private static func parseInline(_ value: StackValue, at place: String) throws(TemplateFailure) -> TemplateSource {
        switch value {
        case .string(let text): return .inline(text)
        // A mapping is the template text yaml.v2 writes for it (keys sorted).
        case .map: return .inline(YAMLEmitter.emit(value.sortedDeep))
        default:
            throw TemplateFailure("\(place): `inline` is a template string or a mapping")
        }
    }

    private static func parseHTTP(_ value: StackValue, at place: String) throws(TemplateFailure) -> TemplateSource {
        if let url = value.stringValue { return .http(url: url, insecure: false, fallback: nil) }
        guard let map = value.mapValue else {
            throw TemplateFailure("\(place): `http` is a URL or a mapping with `url`, `insecure` and `fallback`")
        }
        guard let url = map["url"] else { throw TemplateFailure("\(place): `http` needs a `url`") }
        guard let urlText = url.stringValue else { throw TemplateFailure("\(place): `http.url` must be a string") }
        var insecure = false
        if let flag = map["insecure"] {
            guard case .bool(let value) = flag else { throw TemplateFailure("\(place): `http.insecure` must be true or false") }
            insecure = value
        }
        return .http(url: urlText, insecure: insecure, fallback: try fallback(in: map, at: place))
    }

    private static func fallback(in map: StackMap, at place: String) throws(TemplateFailure) -> TemplateSource? {
        guard let value = map["fallback"] else { return nil }
        // A list as a fallback: the original took its first item.
        if let first = value.listValue?.first { return try parse(first, at: place + " fallback") }
        return try parse(value, at: place + " fallback")
    }
}

extension StackValue {
    /// Every mapping's keys sorted, as `yaml.v2` writes a `map[string]interface{}`.
    var sortedDeep: StackValue {
        switch self {
        case .map(let map): return .map(StackMap(map.keys.sorted().map { ($0, map[$0]!.sortedDeep) }))
        case .list(let list): return .list(list.map(\.sortedDeep))
        default: return self
        }
    }
}
