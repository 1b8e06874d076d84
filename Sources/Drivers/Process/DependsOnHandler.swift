import Podlike
import PodlikeYAML

/// `depends_on` → `lifecycle.dependsOn`: a list of component names (each waits
/// until started), or a mapping of names to `{condition: …}` with
/// `service_started`, `service_healthy` or `service_completed_successfully`.
/// Each dependency keeps the line and column of its name, so that the planner,
/// which checks for unknown names and cycles, can point at it.
struct DependsOnHandler: SettingHandler {
    static let conditionExpectation = #""service_started", "service_healthy" or "service_completed_successfully""#

    let descriptor = SettingDescriptor(
        key: "depends_on",
        summary: "components to wait for before starting: started, healthy, or completed successfully",
        examples: [
            SettingExample("depends_on: [db, cache]", .lifecycle(#"""
                {"dependsOn": [
                    {"component": "db", "condition": "service_started", "line": 1, "column": 14},
                    {"component": "cache", "condition": "service_started", "line": 1, "column": 18}]}
                """#)),
            SettingExample("""
                depends_on:
                  db: {condition: service_healthy}
                  migrate: {condition: service_completed_successfully}
                  cache: {condition: service_started}
                """, .lifecycle(#"""
                {"dependsOn": [
                    {"component": "db", "condition": "service_healthy", "line": 2, "column": 3},
                    {"component": "migrate", "condition": "service_completed_successfully", "line": 3, "column": 3},
                    {"component": "cache", "condition": "service_started", "line": 4, "column": 3}]}
                """#)),
            SettingExample("depends_on: {db: {}, cache: }", .lifecycle(#"{"dependsOn": [{"component": "db", "condition": "service_started"}, {"component": "cache", "condition": "service_started"}]}"#)),
            SettingExample("depends_on: {db: {condition: healthy}}", .error(#"expected "service_started", "service_healthy" or "service_completed_successfully", got "healthy""#)),
            SettingExample("depends_on: {db: {condtion: service_healthy}}", .error(#"unknown key "condtion" in depends_on; did you mean "condition"?"#)),
            SettingExample("depends_on: {db: service_healthy}", .error(#"expected a mapping like {condition: service_healthy}, got "service_healthy""#)),
            SettingExample("depends_on: [db, app]", .error(#"component "app" can't depend on itself; remove it from depends_on"#)),
            SettingExample("depends_on: [db, db]", .error(#""db" is listed twice; remove one"#)),
            SettingExample("depends_on: db", .error(#"expected a list of components like [db, cache] or a mapping like {db: {condition: service_healthy}}, got "db""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        var dependencies: [Dependency] = []
        switch value {
        case .sequence(let items):
            for item in items {
                dependencies.append(try dependency(item, condition: .started, of: spec.name, after: dependencies))
            }
        case .mapping:
            for (_, keyNode, options) in try value.pairs(expected: "a mapping of components") {
                let condition = try self.condition(options)
                dependencies.append(try dependency(keyNode, condition: condition, of: spec.name, after: dependencies))
            }
        default:
            throw SettingProblem.expected(
                "a list of components like [db, cache] or a mapping like {db: {condition: service_healthy}}", got: value)
        }
        spec.lifecycle.dependsOn = dependencies
    }

    private func dependency(
        _ nameNode: Node, condition: Dependency.Condition, of component: String, after earlier: [Dependency]
    ) throws(SettingProblem) -> Dependency {
        let name = try nameNode.nonEmptyText(expected: #"a component name like "db""#)
        guard name != component else {
            throw SettingProblem("component \"\(name)\" can't depend on itself; remove it from depends_on", at: nameNode)
        }
        guard !earlier.contains(where: { $0.component == name }) else {
            throw SettingProblem("\"\(name)\" is listed twice; remove one", at: nameNode)
        }
        return Dependency(component: name, condition: condition, line: nameNode.mark?.line, column: nameNode.mark?.column)
    }

    /// `{condition: …}`; without a condition, the dependency waits until started.
    private func condition(_ options: Node) throws(SettingProblem) -> Dependency.Condition {
        if options.isNull { return .started }
        guard case .mapping = options else {
            throw SettingProblem.expected("a mapping like {condition: service_healthy}", got: options)
        }
        try options.checkKeys(["condition"], of: "depends_on")
        guard let conditionNode = options["condition"] else { return .started }
        let written = try conditionNode.nonEmptyText(expected: Self.conditionExpectation)
        guard let condition = Dependency.Condition(rawValue: written) else {
            throw SettingProblem.expected(Self.conditionExpectation, got: conditionNode)
        }
        return condition
    }
}
