import GoTemplate
import Testing

/// The public API around the language: function maps, options, and the
/// documented places where this package cannot mirror Go.
@Suite("Template API, custom functions and documented deviations")
struct TemplateAPITests {
    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "host unreachable" }
    }

    @Test("A custom function takes precedence over the builtin of the same name")
    func customOverridesBuiltin() throws {
        let functions = ["len": TemplateFunction("len") { _ in "custom" }]
        let template = try Template(name: "t", text: "{{len .list}}", functions: functions)
        #expect(try template.execute(Fixture.data) == "custom")
    }

    @Test("Arity errors follow Go's wording for fixed and variadic functions")
    func arityErrors() throws {
        let functions = [
            "pair": TemplateFunction("pair", arity: .exactly(2)) { args in .list(args) },
            "some": TemplateFunction("some", arity: .atLeast(1)) { args in .int(args.count) },
        ]
        let template = try Template(name: "t", text: "{{pair 1 2}} {{some 1 2 3}} {{3 | some}}", functions: functions)
        #expect(try template.execute(.null) == "[1 2] 3 1")
        let fixed = try Template(name: "t", text: "{{pair 1}}", functions: functions)
        #expect(throws: TemplateError.self) { try fixed.execute(.null) }
        let variadic = try Template(name: "t", text: "{{some}}", functions: functions)
        do {
            _ = try variadic.execute(.null)
        } catch {
            #expect(error.message == "wrong number of args for some: want at least 1 got 0")
        }
    }

    @Test("Any thrown error is reported through its description")
    func thrownErrorDescription() throws {
        let functions = ["ping": TemplateFunction("ping") { _ in throw Unreachable() }]
        let template = try Template(name: "t", text: "{{ping}}", functions: functions)
        do {
            _ = try template.execute(.null)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "error calling ping: host unreachable")
            #expect(error.action == "ping")
        }
    }

    @Test("A function result of nil prints as Go prints a nil interface{} result")
    func nilResult() {
        #expect(render("{{none}}|{{print (none)}}|{{if none}}t{{else}}f{{end}}") == "<no value>|<nil>|f")
    }

    @Test("The missing-key option can be changed after parsing")
    func missingKeyOption() throws {
        var template = try Template(name: "t", text: "[{{.nope}}]")
        #expect(try template.execute([:]) == "[<no value>]")
        template.missingKey = .error
        #expect(throws: TemplateError.self) { try template.execute([:]) }
    }

    @Test("Deviation: function values print as func(NAME) instead of an address")
    func functionValuesPrintByName() {
        #expect(render("{{print .Fn}}", data: Fixture.dataWithFunctions) == "func(Fn)")
        #expect(render("{{.Fn}}", data: Fixture.dataWithFunctions)
            == #"ERROR: template: t:1:2: executing "t" at <{{.Fn}}>: can't print {{.Fn}} of type func(...interface {}) (interface {}, error)"#)
    }

    @Test("Deviation: complex constants parse but cannot be evaluated")
    func complexConstants() {
        #expect(render("{{1+2i}}") == #"ERROR: template: t:1:2: executing "t" at <1+2i>: complex constant 1+2i is not supported"#)
    }

    @Test("Deviation: %p has no address to print for lists and maps")
    func pointerVerb() {
        #expect(render(#"{{printf "%p" .list}}"#) == "%!p([]interface {}=[a b c])")
    }

    @Test("Deviation: nesting limits are 100 (templates and parentheses)")
    func nestingLimits() {
        var nested = "1"
        for _ in 0..<100 { nested = "(" + nested + ")" }
        #expect(render("{{" + nested + "}}") == "1")
        #expect(render("{{(" + nested + ")}}") == "ERROR: template: t:1: max expression depth exceeded")
    }
}
