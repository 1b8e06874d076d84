import GoTemplate

/// Loads one template, runs it with Go's `text/template` rules, and reads
/// its output as YAML, as the original's `podTemplate.render` did.
struct TemplateRenderer: Sendable {
    let loader: SourceLoader

    /// The output as a mapping; an empty output is an empty mapping.
    func render(_ source: TemplateSource, data: TemplateValue, kind: String, service: String) async throws(TemplateFailure) -> StackMap {
        let loaded = try await loader.load(source)
        let place = "the \(kind) template \"\(loaded.name)\" (\(source.label)) for service \"\(service)\""
        let output: String
        do {
            let template = try Template(name: loaded.name, text: loaded.text, functions: PodFunctions.all)
            output = try template.execute(data)
        } catch {
            throw TemplateFailure("\(place) failed: \(Self.describe(error))")
        }
        let value = try StackValue.parse(output, what: "the output of \(place)")
        switch value {
        case .null: return StackMap()
        case .map(let map): return map
        default:
            throw TemplateFailure("the output of \(place) must be a mapping (component name: settings), got:\n\(output)")
        }
    }

    /// Go's message, and where it is, spelt out: template, line, action.
    static func describe(_ error: TemplateError) -> String {
        var parts: [String] = []
        if let line = error.line { parts.append("line \(line)") }
        if let action = error.action { parts.append("action {{\(action)}}") }
        let location = parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        return error.description + location
    }

    /// `.Service` and `.Args`: the service's args filled in by the global ones.
    static func data(service: TemplateValue, args: StackMap, globalArgs: StackMap) -> TemplateValue {
        var merged = args
        Merging.merge(into: &merged, globalArgs)
        return .map(["Service": service, "Args": TemplateValues.from(.map(merged)), "Project": .null])
    }
}
