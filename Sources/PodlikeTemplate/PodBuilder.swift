import GoTemplate

/// Builds one service's pod from its templates, in the original's steps:
/// the controller, the main component, the other components, init
/// components and copies, each set of templates merged in order.
struct PodBuilder {
    let renderer: TemplateRenderer
    let normalizer: ComposeNormalizer
    let globalArgs: StackMap
    private(set) var warnings: [String] = []

    init(renderer: TemplateRenderer, normalizer: ComposeNormalizer, globalArgs: StackMap) {
        self.renderer = renderer
        self.normalizer = normalizer
        self.globalArgs = globalArgs
    }

    mutating func warn(_ dropped: [String], in place: String) {
        for key in dropped {
            warnings.append("\(place): key \"\(key)\" dropped, as the original podlike's template did (docker/cli's ServiceConfig has no such field)")
        }
    }

    mutating func controller(_ name: String, _ configuration: TemplateConfiguration, service: StackMap, raw: StackMap) async throws(TemplateFailure) -> StackMap {
        let data = TemplateRenderer.data(service: ServiceData.view(name: name, service: service), args: configuration.args, globalArgs: globalArgs)
        var definition = StackMap()
        for source in configuration.pod {
            let rendered = try await single(source, data: data, kind: "pod", service: name)
            Merging.merge(into: &definition, rendered.value.mapValue ?? StackMap())
        }
        Merging.copyServiceProperties(into: &definition, from: raw, keys: Merging.podKeys)
        if let warning = Defaults.fillIn(&definition) { warnings.append("the controller of \"\(name)\": \(warning)") }
        var (controller, dropped) = try normalizer.service(definition)
        warn(dropped, in: "the controller of \"\(name)\"")
        var labels = controller["labels"]?.mapValue ?? StackMap()

        var main = StackMap()
        var mainName = ""
        for (index, source) in configuration.transformer.enumerated() {
            let rendered = try await single(source, data: data, kind: "transformer", service: name)
            if index == 0 { mainName = rendered.key }
            Merging.merge(into: &main, rendered.value.mapValue ?? StackMap())
        }
        Merging.copyServiceProperties(into: &main, from: raw, keys: Merging.transformerKeys)
        labels["pod.component." + mainName] = .string(try component(main, name: mainName, service: name))

        var others = StackMap()
        for source in configuration.templates {
            Merging.merge(into: &others, try await renderer.render(source, data: data, kind: "templates", service: name))
        }
        for (componentName, definition) in others.pairs {
            labels["pod.component." + componentName] = .string(try component(definition.mapValue ?? StackMap(), name: componentName, service: name))
        }

        var initial: [StackValue] = []
        for source in configuration.initial {
            let rendered = try await single(source, data: data, kind: "init", service: name)
            let (normalised, dropped) = try normalizer.service(rendered.value.mapValue ?? StackMap())
            warn(dropped, in: "init component \"\(rendered.key)\" of \"\(name)\"")
            initial.append(.map(normalised))
        }
        if !initial.isEmpty { labels["pod.init.components"] = .string(YAMLEmitter.emit(.list(initial))) }

        for (componentName, copies) in try await copies(configuration, data: data, service: name).pairs {
            labels["pod.copy." + componentName] = .string(YAMLEmitter.emit(copies))
        }
        controller["labels"] = .map(labels)
        return controller
    }

    /// A template that must define exactly one root key.
    private func single(_ source: TemplateSource, data: TemplateValue, kind: String, service: String) async throws(TemplateFailure) -> (key: String, value: StackValue) {
        let rendered = try await renderer.render(source, data: data, kind: kind, service: service)
        guard rendered.count == 1, let pair = rendered.pairs.first else {
            throw TemplateFailure("the \(kind) template \(source.label) for service \"\(service)\" must define exactly one root key (the name doesn't matter), got \(rendered.count): \(rendered.keys)")
        }
        return pair
    }

    /// One component's label value: normalised, with its `depends_on` as written.
    private mutating func component(_ definition: StackMap, name: String, service: String) throws(TemplateFailure) -> String {
        var withoutDependencies = definition
        let dependsOn = definition["depends_on"]
        withoutDependencies["depends_on"] = nil
        var (normalised, dropped) = try normalizer.service(withoutDependencies)
        warn(dropped, in: "component \"\(name)\" of \"\(service)\"")
        if let dependsOn { normalised["depends_on"] = dependsOn }
        return YAMLEmitter.emit(.map(normalised))
    }

    /// `copy` templates: each component's copies as a list of `src:dst`.
    private func copies(_ configuration: TemplateConfiguration, data: TemplateValue, service: String) async throws(TemplateFailure) -> StackMap {
        var merged = StackMap()
        for source in configuration.copy {
            var item = try await renderer.render(source, data: data, kind: "copy", service: service)
            for (componentName, value) in item.pairs {
                switch value {
                case .map(let map):
                    item[componentName] = .list(map.pairs.map { .string("\($0.key):\($0.value.scalarText ?? "")") })
                case .string: item[componentName] = .list([value])
                default: break
                }
            }
            Merging.merge(into: &merged, item)
        }
        return merged
    }
}
