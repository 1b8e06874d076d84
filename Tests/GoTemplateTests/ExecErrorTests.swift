import GoTemplate
import Testing

@Suite("Execution errors name template, position and action like Go's")
struct ExecErrorTests {
    @Test("Every kind of execution error, worded as in Go", arguments: [
        RenderCase("{{.Service.Name.x}}", "ERROR: template: pod.yml:1:10: executing \"pod.yml\" at <.Service.Name.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{.Service.Nil.x}}", "ERROR: template: pod.yml:1:10: executing \"pod.yml\" at <.Service.Nil.x>: nil pointer evaluating interface {}.x"),
        RenderCase("{{index .list 5}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <index .list 5>: error calling index: index out of range: 5"),
        RenderCase("{{index .Service.Labels 1}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <index .Service.Labels 1>: error calling index: value has type int; should be string"),
        RenderCase("{{len 3}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <len 3>: error calling len: len of type int"),
        RenderCase("{{slice .list 2 1}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <slice .list 2 1>: error calling slice: invalid slice index: 2 > 1"),
        RenderCase("{{range .str}}{{end}}", "ERROR: template: pod.yml:1:8: executing \"pod.yml\" at <.str>: range can't iterate over héllo"),
        RenderCase("{{template \"none\"}}", "ERROR: template: pod.yml:1:11: executing \"pod.yml\" at <{{template \"none\"}}>: template \"none\" not defined"),
        RenderCase("{{nil}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <nil>: nil is not a command"),
        RenderCase("{{. 1}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <.>: can't give argument to non-function ."),
        RenderCase("{{printf 1}}", "ERROR: template: pod.yml:1:9: executing \"pod.yml\" at <1>: expected string; found 1"),
        RenderCase("{{upper 1 2}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <upper>: wrong number of args for upper: want 1 got 2"),
        RenderCase("{{fail}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <fail>: error calling fail: boom"),
        RenderCase("{{lt .list 1}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <lt .list 1>: error calling lt: invalid type for comparison"),
        RenderCase("line one\n  two {{ .Service.Labels.app.x }}", "ERROR: template: pod.yml:2:17: executing \"pod.yml\" at <.Service.Labels.app.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{with .Service}}\n{{.Labels.tier.x}}{{end}}", "ERROR: template: pod.yml:2:9: executing \"pod.yml\" at <.Labels.tier.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{range .items}}{{.v.x}}{{end}}", "ERROR: template: pod.yml:1:20: executing \"pod.yml\" at <.v.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{$x := 1}}{{$x.y}}", "ERROR: template: pod.yml:1:15: executing \"pod.yml\" at <$x.y>: can't evaluate field y in type int"),
        RenderCase("{{(index .items 0).name.x}}", "ERROR: template: pod.yml:1:16: executing \"pod.yml\" at <0>: can't evaluate field x in type interface {}"),
        RenderCase("{{.str | printf \"%s\" | .x}}", "ERROR: template: pod.yml:1:23: executing \"pod.yml\" at <.x>: x is not a method but has arguments"),
        RenderCase("{{9223372036854775808}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <9223372036854775808>: 9223372036854775808 overflows int"),
    ])
    func executionErrors(_ row: RenderCase) {
        #expect(render(row.template, name: "pod.yml") == row.expected)
    }

    @Test("missingkey=error reports the missing key", arguments: [
        RenderCase("{{ .Service.Nme }}", "ERROR: template: pod.yml:1:11: executing \"pod.yml\" at <.Service.Nme>: map has no entry for key \"Nme\""),
        RenderCase("a\nb {{ .Args.other.image }}", "ERROR: template: pod.yml:2:10: executing \"pod.yml\" at <.Args.other.image>: map has no entry for key \"other\""),
        RenderCase("{{ $s := .Service }}{{ $s.nope }}", "ERROR: template: pod.yml:1:25: executing \"pod.yml\" at <$s.nope>: map has no entry for key \"nope\""),
        RenderCase("{{ with .Service }}{{ .Labels.nope }}{{ end }}", "ERROR: template: pod.yml:1:29: executing \"pod.yml\" at <.Labels.nope>: map has no entry for key \"nope\""),
    ])
    func missingKeyErrors(_ row: RenderCase) {
        #expect(render(row.template, name: "pod.yml", missingKey: .error) == row.expected)
    }

    @Test("Execution errors carry template, line, column, action and message")
    func executionErrorFields() throws {
        let text = "name: {{ .Service.Name }}\nimage: {{ .Service.Image }}\nbad: {{ .Service.Nme }}\n"
        var template = try Template(name: "pod.yml", text: text)
        template.missingKey = .error
        do {
            _ = try template.execute(Fixture.data)
            Issue.record("expected an execution error")
        } catch {
            #expect(error.kind == .execution)
            #expect(error.templateName == "pod.yml")
            #expect(error.line == 3)
            #expect(error.column == 16)
            #expect(error.action == ".Service.Nme")
            #expect(error.message == #"map has no entry for key "Nme""#)
            #expect(error.description
                == #"template: pod.yml:3:16: executing "pod.yml" at <.Service.Nme>: map has no entry for key "Nme""#)
        }
    }

    @Test("A function's thrown error is wrapped as Go wraps it")
    func functionErrorIsWrapped() {
        #expect(render("x\n  {{ fail 1 }}", name: "f")
            == #"ERROR: template: f:2:5: executing "f" at <fail 1>: error calling fail: boom"#)
    }
}
