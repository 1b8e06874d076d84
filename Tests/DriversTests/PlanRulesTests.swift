import Drivers
import Podlike
import Testing

/// Rules that weigh one component against the others, and YAML features that
/// reach the plan, checked through the planner as `render` runs it.
struct PlanRulesTests {
    func plan(_ labels: [String: String], files: [String: String] = [:]) throws -> PodPlan {
        let registry = try BuiltinSettings.registry()
        return try PodPlanner(driver: ComponentDriver(registry: registry)).plan(labels: labels) { path in
            guard let text = files[path] else { throw PlanRulesTestsMissingFile() }
            return text
        }
    }

    func failure(_ labels: [String: String]) -> String {
        do {
            _ = try plan(labels)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test("an init component may depend on an earlier init component")
    func initOnEarlierInit() throws {
        let planned = try plan([
            "pod.init.components": "- image: setup\n- image: migrate\n  depends_on: [init-1]\n",
            "pod.component.app": "image: app",
        ])
        #expect(planned.components.map(\.name).contains("init-2"))
    }

    @Test("an init component that names a regular component is refused, saying why")
    func initOnRegular() {
        let message = failure([
            "pod.init.components": "- image: setup\n- image: migrate\n  depends_on: [app]\n",
            "pod.component.app": "image: app",
        ])
        #expect(message.contains(#"component "init-2", key "depends_on""#), "\(message)")
        #expect(message.contains(#"init components run, in order, before the regular components start, so "init-2" can't wait for "app"; an init component may depend only on earlier init components ("init-1")"#), "\(message)")
    }

    @Test("an init component can't wait for a later one, or one that doesn't exist")
    func initOnLaterInit() {
        let message = failure([
            "pod.init.components": "- image: setup\n  depends_on: [init-2]\n- image: migrate\n",
            "pod.component.app": "image: app",
        ])
        #expect(message.contains(#""init-2" is not an earlier init component; an init component may depend only on those (it is the first, so none)"#), "\(message)")
    }

    @Test("a merge key inside a label is honoured")
    func mergeInLabel() throws {
        let planned = try plan([
            "pod.component.app": "x-env: &env {A: '1', B: '1'}\nimage: app\nenvironment:\n  <<: *env\n  B: '2'\n",
        ])
        let app = try #require(planned.components.first { $0.name == "app" })
        #expect(app.spec.request.Env?.sorted() == ["A=1", "B=2"])
    }

    @Test("a tag outside the core schema is refused with the label and line, not run as text")
    func binaryImage() {
        let message = failure(["pod.component.app": "image: !!binary aGVsbG8="])
        #expect(message.contains(#"component "app", key "image" (line 1:8): the YAML tag !!binary is not supported"#), "\(message)")
    }
}

private struct PlanRulesTestsMissingFile: Error {}

extension PlanRulesTests {
    @Test("a NUL character in a value is refused where it was written")
    func nulInEnvironment() {
        let message = failure(["pod.component.app": "image: app\nenvironment: {A: \"x\\0y\"}"])
        #expect(message.contains(#"component "app", key "environment" (line 2:18): a NUL character"#), "\(message)")
    }
}

extension PlanRulesTests {
    @Test("an invalid image is one problem, not also a missing image")
    func invalidImageOnce() {
        let message = failure(["pod.component.app": "image: UPPER/Case"])
        #expect(message.contains("1 problem:"), "\(message)")
        #expect(message.contains(#"repository names must be lowercase: write "upper/case""#), "\(message)")
    }
}

extension PlanRulesTests {
    @Test("a dependency cycle is reported as its path")
    func cycle() {
        let message = failure([
            "pod.component.a": "image: a\ndepends_on: [b]",
            "pod.component.b": "image: b\ndepends_on: [c]",
            "pod.component.c": "image: c\ndepends_on: [a]",
        ])
        #expect(message.contains(#"dependency cycle "a" -> "b" -> "c" -> "a""#), "\(message)")
    }

    @Test("a depends_on chain as long as the component limit plans, and a cycle at its end is found")
    func longChain() throws {
        let count = PodInputLimits.components
        var labels: [String: String] = ["pod.component.c0": "image: a"]
        for index in 1..<count {
            labels["pod.component.c\(index)"] = "image: a\ndepends_on: [c\(index - 1)]"
        }
        #expect(try plan(labels).components.count == count)
        labels["pod.component.c0"] = "image: a\ndepends_on: [c\(count - 1)]"
        #expect(failure(labels).contains("dependency cycle"))
    }

    @Test("thousands of components are refused, naming the limit")
    func tooManyComponents() {
        var labels: [String: String] = [:]
        for index in 0..<3000 {
            labels["pod.component.c\(index)"] = "image: a\ndepends_on: [c\(max(0, index - 1))]"
        }
        let message = failure(labels)
        #expect(message.contains("the pod has 3000 components; podlike runs at most 256 in one pod"), "\(message.prefix(500))")
    }

    @Test("a label value over 1 MiB is refused, naming the limit; a key over 128 characters too")
    func inputLimits() {
        let big = failure(["pod.component.a": "image: a\nenvironment: {A: '" + String(repeating: "x", count: PodInputLimits.valueBytes) + "'}"])
        #expect(big.contains("label \"pod.component.a\""), "\(big)")
        #expect(big.contains("podlike reads at most 1048576 bytes (1 MiB) there"), "\(big)")
        let key = String(repeating: "k", count: 100_000)
        // libyaml itself takes an implicit key up to 1024 characters; this one is explicit.
        let long = failure(["pod.component.a": "image: a\n? \(key)\n: 1"])
        #expect(long.contains("a key 100000 characters long; keys are at most 128 characters"), "\(long)")
        #expect(long.count < 1000, "the message repeats the key: \(long.count) characters")
    }
}
