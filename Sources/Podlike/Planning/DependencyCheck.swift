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

        // Depth-first search for a cycle, reporting it as a path. Iterative, so
        // that a chain of thousands of components can't overflow the stack.
        var done: Set<String> = []
        func cycle(from start: String) -> [String]? {
            var path: [String] = [start]
            var onPath: Set<String> = [start]
            var next: [Int] = [0]  // per path entry, the index of the dependency to look at next
            while let name = path.last {
                let dependencies = regular[name]?.spec.lifecycle.dependsOn ?? []
                let index = next[next.count - 1]
                guard index < dependencies.count else {
                    done.insert(name)
                    onPath.remove(name)
                    path.removeLast()
                    next.removeLast()
                    continue
                }
                next[next.count - 1] += 1
                let target = dependencies[index].component
                if onPath.contains(target) { return Array(path.drop { $0 != target }) + [target] }
                guard !done.contains(target) else { continue }
                path.append(target)
                onPath.insert(target)
                next.append(0)
            }
            return nil
        }
        for name in regular.keys.sorted() where !done.contains(name) {
            if let cycle = cycle(from: name) {
                errors.append(ValidationError(
                    component: cycle[0], key: "depends_on",
                    message: "dependency cycle \(cycle.map { "\"\($0)\"" }.joined(separator: " -> ")); remove one of these dependencies"))
                break
            }
        }
        return errors
    }
}
