import Podlike
import PodlikeYAML

/// `volumes`, a list mixing both Compose forms:
/// - short, `source:target[:options]` → `HostConfig.Binds`. A source starting
///   with `/`, `.` or `~` is a host path (relative ones are resolved against the
///   component's base directory, `~` is the controller's `HOME`); anything else
///   names a volume, used as-is since a pod has no project prefix. Options are
///   `ro`/`rw`, `z`/`Z`, `nocopy` (volumes), a propagation (host paths) and
///   `cached`/`delegated`/`consistent`. A lone `/target` is an anonymous volume
///   → `Volumes`.
/// - long, `{type: bind|volume|tmpfs, source, target, read_only, consistency,
///   bind: {propagation}, volume: {nocopy}, tmpfs: {size}}` → `HostConfig.Mounts`.
/// The engine socket is never shared with components by the pod; mounting it
/// here (`/var/run/docker.sock:/var/run/docker.sock`) is how one gets it.
struct VolumesHandler: SettingHandler {
    static let shortExpectation = #"a volume like "data:/var/lib/app", "./conf:/etc/app:ro" or "/cache""#
    static let longExample = "{type: volume, source: data, target: /var/lib/app}"
    static let types = ["bind", "volume", "tmpfs"]
    static let propagations = ["rprivate", "private", "rshared", "shared", "rslave", "slave"]
    static let consistencies = ["consistent", "cached", "delegated"]
    /// Short-syntax options, in groups of which an entry takes at most one each.
    static let optionGroups: [[String]] = [["ro", "rw"], ["z", "Z"], ["nocopy"], propagations, consistencies]

    let descriptor = SettingDescriptor(
        key: "volumes",
        summary: "bind mounts, named and anonymous volumes and tmpfs mounts, in short or long syntax",
        examples: [
            SettingExample(
                "volumes: ['/srv/app/conf:/etc/app:ro', 'data:/var/lib/app', 'cache:/cache:nocopy']",
                .request(#"{"HostConfig": {"Binds": ["/srv/app/conf:/etc/app:ro", "data:/var/lib/app", "cache:/cache:nocopy"]}}"#)),
            SettingExample(
                "volumes: ['/var/run/docker.sock:/var/run/docker.sock', '/srv/shared:/shared:rw,rshared,z']",
                .request(#"{"HostConfig": {"Binds": ["/var/run/docker.sock:/var/run/docker.sock", "/srv/shared:/shared:rw,rshared,z"]}}"#)),
            SettingExample("volumes: [/var/lib/app/tmp]", .request(#"{"Volumes": {"/var/lib/app/tmp": {}}}"#)),
            SettingExample(
                "volumes: [{type: volume, source: data, target: /var/lib/app, volume: {nocopy: true}}]",
                .request(#"{"HostConfig": {"Mounts": [{"Type": "volume", "Source": "data", "Target": "/var/lib/app", "VolumeOptions": {"NoCopy": true}}]}}"#)),
            SettingExample(
                "volumes: [{type: bind, source: /srv/conf, target: /etc/app, read_only: true, bind: {propagation: rslave}}]",
                .request(#"{"HostConfig": {"Mounts": [{"Type": "bind", "Source": "/srv/conf", "Target": "/etc/app", "ReadOnly": true, "BindOptions": {"Propagation": "rslave"}}]}}"#)),
            SettingExample(
                "volumes: [{type: tmpfs, target: /run/app, tmpfs: {size: 64m}}]",
                .request(#"{"HostConfig": {"Mounts": [{"Type": "tmpfs", "Target": "/run/app", "TmpfsOptions": {"SizeBytes": 67108864}}]}}"#)),
            SettingExample("volumes: ['data:var/lib/app']", .error(#"expected an absolute path inside the container like "/var/lib/app", got "var/lib/app""#)),
            SettingExample("volumes: ['./conf:/etc/app:rx']", .error(#"expected volume options from ro, rw, z, Z, nocopy, rprivate, private, rshared, shared, rslave, slave, consistent, cached, delegated, got "rx""#)),
            SettingExample("volumes: ['data:/var/lib/app:ro,rw']", .error(#"expected at most one of ro, rw, got "ro,rw""#)),
            SettingExample("volumes: ['/srv/conf:/etc/app:nocopy']", .error(#"nocopy applies only to named volumes, and "/srv/conf" is a host path"#)),
            SettingExample("volumes: ['data:/var/lib/app:rshared']", .error(#"propagation applies only to host paths, and "data" names a volume"#)),
            SettingExample("volumes: ['my data:/var/lib/app']", .error(#"expected a volume name like "data" (letters, digits, "_", "." and "-") or a host path starting with "/", "./" or "~", got "my data""#)),
            SettingExample("volumes: [data]", .error(#"expected a target path inside the container like "/var/lib/app", or "source:target", got "data""#)),
            SettingExample("volumes: ['~/.cache:/root/.cache']", .error(#""~/.cache" needs the controller's HOME, which is not set"#)),
            SettingExample("volumes: ['data:/var/lib/app', 'logs:/var/lib/app']", .error(#""/var/lib/app" is mounted twice"#)),
            SettingExample("volumes: [{type: npipe, source: x, target: /x}]", .error(#"expected a volume type: bind, volume or tmpfs, got "npipe""#)),
            SettingExample("volumes: [{type: volume, source: data, target: /data, readonly: true}]", .error(#"unknown key "readonly" in a volume; did you mean "read_only"?"#)),
            SettingExample("volumes: [{type: tmpfs, source: scratch, target: /scratch}]", .error(#"a tmpfs has no source; remove "source""#)),
            SettingExample("volumes: [{type: volume, source: data, target: /data, bind: {propagation: shared}}]", .error(#""bind" options apply only to type: bind, not volume"#)),
            SettingExample("volumes: [{type: bind, source: /srv, target: /srv, bind: {propagation: both}}]", .error(#"expected a propagation from rprivate, private, rshared, shared, rslave, slave, got "both""#)),
            SettingExample("volumes: [{type: tmpfs, target: /run/app, tmpfs: {size: huge}}]", .error(#"expected a byte size like "512m", "1.5g" or a number of bytes, got "huge""#)),
            SettingExample("volumes: [{type: volume, source: data}]", .error(#"a volume needs "target", like {type: volume, source: data, target: /var/lib/app}"#)),
            SettingExample("volumes: [{type: bind, target: /etc/app}]", .error(#"a volume needs "source", like {type: bind, source: ./conf, target: /etc/app}"#)),
            SettingExample("volumes: data:/data", .error(#"expected a list of volumes like ["data:/var/lib/app"], got "data:/data""#)),
        ])

    /// One entry, ready for the field it belongs in.
    private enum Entry {
        case bind(String)
        case mount(Mount)
        case anonymous(String)
    }

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        guard case .sequence(let items) = value else {
            throw SettingProblem.expected(#"a list of volumes like ["data:/var/lib/app"]"#, got: value)
        }
        var targets = Set<String>()
        for item in items {
            let (entry, target) = try item.isMapping ? long(item, context: context) : short(item, context: context)
            guard targets.insert(target).inserted else {
                throw SettingProblem("\"\(target)\" is mounted twice; each path takes one volume", at: item)
            }
            switch entry {
            case .bind(let bind):
                spec.request.HostConfig.Binds = (spec.request.HostConfig.Binds ?? []) + [bind]
            case .mount(let mount):
                spec.request.HostConfig.Mounts = (spec.request.HostConfig.Mounts ?? []) + [mount]
            case .anonymous(let path):
                spec.request.Volumes = (spec.request.Volumes ?? [:]).merging([path: EmptyObject()]) { $1 }
            }
        }
    }

    // MARK: Short syntax

    private func short(_ node: Node, context: SettingContext) throws(SettingProblem) -> (Entry, target: String) {
        let text = try node.nonEmptyText(expected: Self.shortExpectation)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else {
            guard text.hasPrefix("/") else {
                throw SettingProblem.expected(#"a target path inside the container like "/var/lib/app", or "source:target""#, got: node)
            }
            try checkTarget(text, at: node)
            return (.anonymous(text), text)
        }
        guard parts.count <= 3, !parts[0].isEmpty else { throw SettingProblem.expected(Self.shortExpectation, got: node) }
        let (source, target) = (parts[0], parts[1])
        let options = parts.count == 3 ? parts[2] : nil
        try checkTarget(target, at: node)
        let chosen = try options.map { (text) throws(SettingProblem) in try shortOptions(text, at: node) } ?? []
        let suffix = options.map { ":" + $0 } ?? ""
        if HostPath.isPath(source) {
            guard !chosen.contains("nocopy") else {
                throw SettingProblem("nocopy applies only to named volumes, and \"\(source)\" is a host path", at: node)
            }
            return (.bind(try HostPath.resolve(source, context: context, at: node) + ":" + target + suffix), target)
        }
        try checkVolumeName(source, at: node)
        if let propagation = chosen.first(where: Self.propagations.contains) {
            throw SettingProblem("propagation applies only to host paths, and \"\(source)\" names a volume; remove \"\(propagation)\"", at: node)
        }
        return (.bind(source + ":" + target + suffix), target)
    }

    /// The comma-separated options, each known and at most one from each group.
    private func shortOptions(_ text: String, at node: Node) throws(SettingProblem) -> [String] {
        let options = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for option in options where !Self.optionGroups.contains(where: { $0.contains(option) }) {
            let known = Self.optionGroups.flatMap { $0 }.joined(separator: ", ")
            throw SettingProblem("expected volume options from \(known), got \"\(option)\"", at: node)
        }
        for group in Self.optionGroups where options.filter(group.contains).count > 1 {
            throw SettingProblem("expected at most one of \(group.joined(separator: ", ")), got \"\(text)\"", at: node)
        }
        return options
    }

    // MARK: Long syntax

    private func long(_ node: Node, context: SettingContext) throws(SettingProblem) -> (Entry, target: String) {
        let fields = try node.fields(
            of: "a volume", allowed: ["type", "source", "target", "read_only", "consistency"] + Self.types,
            expected: Self.longExample)
        let typeNode = try fields.required("type", like: Self.longExample)
        let type = try typeNode.text(expected: "a volume type: bind, volume or tmpfs")
        guard Self.types.contains(type) else { throw SettingProblem.expected("a volume type: bind, volume or tmpfs", got: typeNode) }
        let targetNode = try fields.required("target", like: Self.longExample)
        let target = try targetNode.nonEmptyText(expected: #"an absolute path inside the container like "/var/lib/app""#)
        try checkTarget(target, at: targetNode)
        for other in Self.types where other != type {
            if let options = fields[other] {
                throw SettingProblem("\"\(other)\" options apply only to type: \(other), not \(type)", at: options)
            }
        }

        var mount = Mount(Type: type, Source: try source(fields, type: type, context: context), Target: target)
        if let readOnly = fields["read_only"] { mount.ReadOnly = try readOnly.boolValue() }
        if let consistency = fields["consistency"] {
            mount.Consistency = try oneOf(["default"] + Self.consistencies, consistency, what: "a consistency")
        }
        if let options = fields["bind"] {
            let bind = try options.fields(of: "bind options", allowed: ["propagation"], expected: "a mapping like {propagation: rshared}")
            mount.BindOptions = .init(Propagation: try bind["propagation"].map { (node) throws(SettingProblem) in try oneOf(Self.propagations, node, what: "a propagation") })
        }
        if let options = fields["volume"] {
            let volume = try options.fields(of: "volume options", allowed: ["nocopy"], expected: "a mapping like {nocopy: true}")
            mount.VolumeOptions = .init(NoCopy: try volume["nocopy"]?.boolValue())
        }
        if let options = fields["tmpfs"] {
            let tmpfs = try options.fields(of: "tmpfs options", allowed: ["size"], expected: "a mapping like {size: 64m}")
            mount.TmpfsOptions = .init(SizeBytes: try tmpfs["size"].map { (node) throws(SettingProblem) in try ByteSize.parse(node) })
        }
        return (.mount(mount), target)
    }

    /// A bind's host path, resolved; a volume's name, or none for an anonymous
    /// volume; a tmpfs has none.
    private func source(_ fields: MappingFields, type: String, context: SettingContext) throws(SettingProblem) -> String? {
        switch type {
        case "bind":
            let node = try fields.required("source", like: "{type: bind, source: ./conf, target: /etc/app}")
            return try HostPath.resolve(try node.nonEmptyText(expected: #"a host path like "/srv/app""#), context: context, at: node)
        case "volume":
            guard let node = fields["source"] else { return nil }
            let name = try node.nonEmptyText(expected: #"a volume name like "data""#)
            guard !HostPath.isPath(name) else {
                throw SettingProblem("expected a volume name like \"data\", got the path \"\(name)\"; use type: bind for a host path", at: node)
            }
            try checkVolumeName(name, at: node)
            return name
        default:
            if let node = fields["source"] { throw SettingProblem("a tmpfs has no source; remove \"source\"", at: node) }
            return nil
        }
    }

    // MARK: Checks shared by both forms

    private func checkTarget(_ target: String, at node: Node) throws(SettingProblem) {
        guard target.hasPrefix("/") else {
            throw SettingProblem(#"expected an absolute path inside the container like "/var/lib/app", got "\#(target)""#, at: node)
        }
        guard target != "/" else {
            throw SettingProblem("expected a path below the container's root, got \"/\"; a volume can't replace the root file system", at: node)
        }
    }

    /// Volume names as the engine takes them: a letter or digit, then letters, digits, `_`, `.` or `-`.
    private func checkVolumeName(_ name: String, at node: Node) throws(SettingProblem) {
        let isNameCharacter = { (char: Character) in char.isASCII && (char.isLetter || char.isNumber || "_.-".contains(char)) }
        guard name.count >= 2, let first = name.first, first.isASCII, first.isLetter || first.isNumber, name.allSatisfy(isNameCharacter) else {
            throw SettingProblem(
                #"expected a volume name like "data" (letters, digits, "_", "." and "-") or a host path starting with "/", "./" or "~", got "\#(name)""#,
                at: node)
        }
    }

    private func oneOf(_ allowed: [String], _ node: Node, what: String) throws(SettingProblem) -> String {
        let expected = "\(what) from \(allowed.joined(separator: ", "))"
        let text = try node.text(expected: expected)
        guard allowed.contains(text) else { throw SettingProblem.expected(expected, got: node) }
        return text
    }
}

private extension Node {
    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }
}
