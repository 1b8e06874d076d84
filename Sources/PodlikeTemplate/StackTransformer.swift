#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GoTemplate

/// Turns stack files with `x-podlike` configuration into a stack of pods:
/// each configured service becomes a controller whose labels hold its
/// components, the rest as docker/cli's loader normalised them.
public struct StackTransformer: Sendable {
    /// One input: its path (for the working folder) and its text.
    public struct Input: Sendable {
        public let path: String
        public let text: String
        public init(path: String, text: String) { self.path = path; self.text = text }
    }

    /// The stack as YAML, and notes for stderr (keys the original dropped).
    public struct Output: Sendable {
        public let yaml: String
        public let stack: StackValue
        public let warnings: [String]
    }

    let fetcher: any TemplateFetcher
    let environment: [String: String]

    public init(fetcher: any TemplateFetcher = HTTPTemplateFetcher(), environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.fetcher = fetcher
        self.environment = environment
    }

    public func transform(_ inputs: [Input]) async throws(TemplateFailure) -> Output {
        guard let first = inputs.first else { throw TemplateFailure("no stack file given; pass one or more files, or - for stdin") }
        var files: [StackMap] = []
        var session = TemplateSession()
        for input in inputs {
            guard let map = try StackValue.parse(input.text, what: input.path).mapValue else {
                throw TemplateFailure("\(input.path) is not a stack file: its top level must be a mapping")
            }
            try session.collect(from: map)
            files.append(map)
        }
        let folder = LexicalPath.folder(of: first.path)
        let workingDirectory = folder.isEmpty ? "." : folder
        var project = StackProject(files: files)
        let interpolated = try Interpolation(environment: environment).apply(.map(project.services)).mapValue ?? StackMap()
        let normalizer = ComposeNormalizer(workingDirectory: workingDirectory)
        var pods = PodBuilder(
            renderer: TemplateRenderer(loader: SourceLoader(workingDirectory: workingDirectory, fetcher: fetcher)),
            normalizer: normalizer, globalArgs: session.globalArgs)
        for name in session.services where !project.services.contains(name) {
            throw TemplateFailure("x-podlike configures the service \"\(name)\", which no stack file defines; add the service or fix the name")
        }
        var services = StackMap()
        for (name, _) in project.services.pairs {
            let (service, dropped) = try normalizer.service(interpolated[name]?.mapValue ?? StackMap())
            pods.warn(dropped, in: "service \"\(name)\"")
            guard let configuration = session.configuration(for: name) else {
                services[name] = .map(service)
                continue
            }
            let raw = project.raw(name)
            services[name] = .map(try await pods.controller(name, configuration, service: service, raw: raw))
        }
        project.services = services
        let stack = project.output(workingDirectory: workingDirectory)
        return Output(yaml: YAMLEmitter.emit(stack), stack: stack, warnings: pods.warnings)
    }
}

/// The stack files merged: later files override a service's keys and the
/// top-level objects by name, as `docker stack deploy -c a -c b` does.
struct StackProject {
    var version: StackValue?
    var services = StackMap()
    var rawServices: [String: StackMap] = [:]
    var objects: [String: StackMap] = [:]
    static let objectKinds = ["networks", "volumes", "secrets", "configs"]

    init(files: [StackMap]) {
        for file in files {
            if let version = file["version"] { self.version = version }
            for (name, definition) in file["services"]?.mapValue?.pairs ?? [] {
                var service = definition.mapValue ?? StackMap()
                service["x-podlike"] = nil
                // The original copied service keys from the first file defining it.
                if rawServices[name] == nil { rawServices[name] = service }
                var merged = services[name]?.mapValue ?? StackMap()
                for (key, value) in service.pairs { merged[key] = value }
                services[name] = .map(merged)
            }
            for kind in Self.objectKinds {
                for (name, value) in file[kind]?.mapValue?.pairs ?? [] { objects[kind, default: StackMap()][name] = value }
            }
        }
    }

    func raw(_ name: String) -> StackMap { rawServices[name] ?? StackMap() }

    func output(workingDirectory: String) -> StackValue {
        var stack = StackMap()
        if let version { stack["version"] = .string(version.scalarText ?? "") }
        stack["services"] = .map(services)
        for kind in Self.objectKinds {
            var entries = StackMap()
            for (name, value) in (objects[kind] ?? StackMap()).pairs {
                guard var object = value.mapValue else { entries[name] = .map(StackMap()); continue }
                if let file = object["file"]?.stringValue, !file.hasPrefix("/") {
                    object["file"] = .string(LexicalPath.cleaned(LexicalPath.joining(workingDirectory, file)))
                }
                entries[name] = .map(object)
            }
            stack[kind] = .map(entries)
        }
        return .map(stack)
    }
}
