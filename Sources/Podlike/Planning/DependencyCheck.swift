/// `depends_on` must name components of the same pod and must not loop; an init
/// component may depend only on the init components before it.
enum DependencyCheck {
    static func problems(in components: [PodPlan.Component]) -> [ValidationError] {
        var errors: [ValidationError] = []
        let regular = Dictionary(uniqueKeysWithValues: components.filter { !$0.isInit }.map { ($0.name, $0) })
        var earlierInits: [String] = []
        for component in components {
            for dependency in component.spec.lifecycle.dependsOn {
                let why: String
                if component.isInit {
                    guard !earlierInits.contains(dependency.component) else { continue }
                    let allowed = earlierInits.isEmpty ? "it is the first, so none" : earlierInits.map { "\"\($0)\"" }.joined(separator: ", ")
                    why = regular[dependency.component] != nil
                        ? "init components run, in order, before the regular components start, so \"\(component.name)\" can't wait for \"\(dependency.component)\"; an init component may depend only on earlier init components (\(allowed))"
                        : "\"\(dependency.component)\" is not an earlier init component; an init component may depend only on those (\(allowed))"
                } else {
                    guard regular[dependency.component] == nil else { continue }
                    let known = regular.keys.sorted().filter { $0 != component.name }.map { "\"\($0)\"" }.joined(separator: ", ")
                    why = "\"\(dependency.component)\" is not a component of this pod; the others are \(known.isEmpty ? "none" : known)"
                }
                errors.append(ValidationError(
                    component: component.name, key: "depends_on",
                    line: dependency.line, column: dependency.column, message: why))
            }
            if component.isInit { earlierInits.append(component.name) }
        }
        guard errors.isEmpty else { return errors }

        // Depth-first search for a cycle, reporting it as a path.
        var state: [String: Bool] = [:]  // false: on the stack, true: done
        var stack: [String] = []
        func visit(_ name: String) -> [String]? {
            if state[name] == true { return nil }
            if state[name] == false { return Array(stack.drop { $0 != name }) + [name] }
            state[name] = false
            stack.append(name)
            for dependency in regular[name]?.spec.lifecycle.dependsOn ?? [] {
                if let cycle = visit(dependency.component) { return cycle }
            }
            stack.removeLast()
            state[name] = true
            return nil
        }
        for name in regular.keys.sorted() {
            if let cycle = visit(name) {
                errors.append(ValidationError(
                    component: cycle[0], key: "depends_on",
                    message: "dependency cycle \(cycle.map { "\"\($0)\"" }.joined(separator: " -> ")); remove one of these dependencies"))
                break
            }
        }
        return errors
    }
}
