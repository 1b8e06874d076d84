/// One service's `x-podlike` configuration: the templates of each kind, in
/// order, and its `args`.
public struct TemplateConfiguration: Sendable, Equatable {
    public var pod: [TemplateSource] = []
    public var initial: [TemplateSource] = []
    public var transformer: [TemplateSource] = []
    public var templates: [TemplateSource] = []
    public var copy: [TemplateSource] = []
    public var args = StackMap()

    public init() {}

    static let kinds = ["pod", "init", "transformer", "templates", "copy", "args"]

    /// Reads one `x-podlike` block for a service; each kind is one template
    /// or a list of them.
    public init(_ value: StackValue, service: String) throws(TemplateFailure) {
        let place = "x-podlike for service \"\(service)\""
        if case .null = value { return }
        guard let map = value.mapValue else { throw TemplateFailure("\(place) must be a mapping of \(Self.kinds.joined(separator: ", "))") }
        for (key, entry) in map.pairs {
            switch key {
            case "pod": pod = try Self.sources(entry, at: place + ", pod")
            case "init": initial = try Self.sources(entry, at: place + ", init")
            case "transformer": transformer = try Self.sources(entry, at: place + ", transformer")
            case "templates": templates = try Self.sources(entry, at: place + ", templates")
            case "copy": copy = try Self.sources(entry, at: place + ", copy")
            case "args":
                switch entry {
                case .null: break
                case .map(let args): self.args = args
                default: throw TemplateFailure("\(place): `args` must be a mapping of names to values")
                }
            default:
                throw TemplateFailure("\(place): unknown key \"\(key)\"; the keys are \(Self.kinds.joined(separator: ", "))")
            }
        }
    }

    private static func sources(_ value: StackValue, at place: String) throws(TemplateFailure) -> [TemplateSource] {
        switch value {
        case .null: return []
        case .list(let items):
            var sources: [TemplateSource] = []
            for (index, item) in items.enumerated() { sources.append(try TemplateSource.parse(item, at: "\(place)[\(index)]")) }
            return sources
        default: return [try TemplateSource.parse(value, at: place)]
        }
    }

    /// A later block for the same service (the top level's after the
    /// service's own): its templates go after these, and its args fill in
    /// only the names not set yet.
    mutating func absorb(_ later: TemplateConfiguration) {
        pod += later.pod
        initial += later.initial
        transformer += later.transformer
        templates += later.templates
        copy += later.copy
        Merging.merge(into: &args, later.args)
    }
}

/// Every service's configuration and the global args, collected file by file:
/// a file's service-level blocks first, then its top-level `x-podlike`.
public struct TemplateSession: Sendable {
    public private(set) var order: [String] = []
    var byService: [String: TemplateConfiguration] = [:]
    public private(set) var globalArgs = StackMap()

    public init() {}

    public func configuration(for service: String) -> TemplateConfiguration? { byService[service] }
    public var services: [String] { order }

    mutating func collect(from file: StackMap) throws(TemplateFailure) {
        if let services = file["services"]?.mapValue {
            for (name, definition) in services.pairs {
                guard let block = definition.mapValue?["x-podlike"] else { continue }
                register(name, try TemplateConfiguration(block, service: name))
            }
        }
        guard let top = file["x-podlike"] else { return }
        if case .null = top { return }
        guard let topMap = top.mapValue else { throw TemplateFailure("the top-level x-podlike must be a mapping of service names (and `args`)") }
        for (name, block) in topMap.pairs {
            if name == "args" {
                switch block {
                case .null: continue
                case .map(let args): Merging.merge(into: &globalArgs, args)
                default: throw TemplateFailure("the top-level x-podlike `args` must be a mapping")
                }
                continue
            }
            register(name, try TemplateConfiguration(block, service: name))
        }
    }

    /// The original filled in the default pod and transformer when it first
    /// saw a service, so a later block's templates come after those defaults.
    private mutating func register(_ name: String, _ configuration: TemplateConfiguration) {
        if var existing = byService[name] {
            existing.absorb(configuration)
            byService[name] = existing
            return
        }
        var fresh = configuration
        if fresh.pod.isEmpty { fresh.pod = [Defaults.podTemplate] }
        if fresh.transformer.isEmpty { fresh.transformer = [Defaults.transformerTemplate] }
        byService[name] = fresh
        order.append(name)
    }
}
