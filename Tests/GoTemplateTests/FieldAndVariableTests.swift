import GoTemplate
import Testing

@Suite("Fields, chains, variables and missing values")
struct FieldAndVariableTests {
    @Test("Field chains look keys up in maps", arguments: [
        RenderCase("{{.Service.Name}}", "web"),
        RenderCase("{{.Service.Labels.app}}", "web"),
        RenderCase("{{.Args.sidecar.image}}", "envoy:v1"),
        RenderCase("{{.Service.Ports}}", "[80 443]"),
        RenderCase("{{.Service.Replicas}}", "3"),
        RenderCase("{{.Service.Ratio}}", "0.5"),
        RenderCase("{{.Service.Enabled}}", "true"),
        RenderCase("{{(.Service).Image}}", "nginx:1.25"),
        RenderCase("{{(index .items 0).name}}", "a"),
        RenderCase("{{(.Args.sidecar).image}}", "envoy:v1"),
    ])
    func fieldChains(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Missing keys and nil values follow Go's default missingkey rules", arguments: [
        RenderCase("{{.Service.Nme}}", "<no value>"),
        RenderCase("{{.missing}}", "<no value>"),
        RenderCase("{{.missing.deeper.still}}", "<no value>"),
        RenderCase("{{.Service.Nil}}", "<no value>"),
        RenderCase("{{.nil}}", "<no value>"),
        RenderCase("{{print .missing}}", "<nil>"),
        RenderCase("{{print .nil}}", "<nil>"),
        RenderCase("{{printf \"%v|%v\" .missing .nil}}", "<nil>|<nil>"),
        RenderCase("{{.Service.Nil.x}}", "ERROR: template: t:1:10: executing \"t\" at <.Service.Nil.x>: nil pointer evaluating interface {}.x"),
        RenderCase("{{.nil.x}}", "ERROR: template: t:1:6: executing \"t\" at <.nil.x>: nil pointer evaluating interface {}.x"),
        RenderCase("{{.str.x}}", "ERROR: template: t:1:6: executing \"t\" at <.str.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{.list.x}}", "ERROR: template: t:1:7: executing \"t\" at <.list.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{.int.x}}", "ERROR: template: t:1:6: executing \"t\" at <.int.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{$x := .str}}{{$x.y}}", "ERROR: template: t:1:18: executing \"t\" at <$x.y>: can't evaluate field y in type string"),
        RenderCase("{{with .str}}{{.x}}{{end}}", "ERROR: template: t:1:15: executing \"t\" at <.x>: can't evaluate field x in type string"),
        RenderCase("{{range .list}}{{.x}}{{end}}", "ERROR: template: t:1:17: executing \"t\" at <.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{range .items}}{{.v.x}}{{end}}", "ERROR: template: t:1:20: executing \"t\" at <.v.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{$x := .missing}}{{$x.y}}", "<no value>"),
        RenderCase("{{$x := .nil}}{{$x.y}}{{$x}}", "<no value><no value>"),
    ])
    func missingAndNil(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("missingkey=error turns missing keys into errors", arguments: [
        RenderCase("{{.Service.Name}}", "web"),
        RenderCase("{{.Service.Nme}}", "ERROR: template: t:1:10: executing \"t\" at <.Service.Nme>: map has no entry for key \"Nme\""),
        RenderCase("{{.missing.deeper}}", "ERROR: template: t:1:10: executing \"t\" at <.missing.deeper>: map has no entry for key \"missing\""),
        RenderCase("{{.Service.Nil}}", "<no value>"),
        RenderCase("{{index .Service.Labels \"nope\"}}", "<no value>"),
        RenderCase("{{$x := .nil}}{{$x.y}}", "ERROR: template: t:1:18: executing \"t\" at <$x.y>: nil data; no entry for key \"y\""),
    ])
    func missingKeyError(_ row: RenderCase) {
        #expect(render(row.template, missingKey: .error) == row.expected)
    }

    @Test("missingkey=zero yields nil for missing keys", arguments: [
        RenderCase("{{.Service.Nme}}", "<no value>"),
        RenderCase("{{print .Service.Nme}}", "<nil>"),
        RenderCase("{{.Service.Nme.x}}", "ERROR: template: t:1:10: executing \"t\" at <.Service.Nme.x>: nil pointer evaluating interface {}.x"),
        RenderCase("{{if .Service.Nme}}y{{else}}n{{end}}", "n"),
    ])
    func missingKeyZero(_ row: RenderCase) {
        #expect(render(row.template, missingKey: .zero) == row.expected)
    }

    @Test("Variables are declared, assigned and scoped as in Go", arguments: [
        RenderCase("{{$x := 1}}{{$x}}", "1"),
        RenderCase("{{$x := .Service}}{{$x.Name}}", "web"),
        RenderCase("{{$x := 1}}{{$x = 2}}{{$x}}", "2"),
        RenderCase("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", "2"),
        RenderCase("{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}", "21"),
        RenderCase("{{$x := \"outer\"}}{{range .list}}{{$x := .}}{{end}}{{$x}}", "outer"),
        RenderCase("{{$x := 0}}{{range .list}}{{$x = .}}{{end}}{{$x}}", "c"),
        RenderCase("{{if $x := .Service.Name}}{{$x}}{{end}}", "web"),
        RenderCase("{{if $x := .empty}}yes{{else}}[{{$x}}]{{end}}", "[]"),
        RenderCase("{{with $x := .Service}}{{$x.Image}}{{end}}", "nginx:1.25"),
        RenderCase("{{$.str}}", "héllo"),
        RenderCase("{{range .list}}{{$.int}}{{end}}", "424242"),
        RenderCase("{{with .Service}}{{$.str}}{{end}}", "héllo"),
        RenderCase("{{$x := 1}}{{$y := 2}}{{$x}}{{$y}}", "12"),
        RenderCase("{{$a := .list}}{{index $a 1}}", "b"),
        RenderCase("{{$x := .Service.Labels}}{{$x.tier}}", "front"),
        RenderCase("{{$x := 1}}{{$x := 2}}{{$x}}", "2"),
        RenderCase("{{$x := .missing}}{{$x}}", "<no value>"),
        RenderCase("{{$x := .nil}}{{print $x}}", "<nil>"),
    ])
    func variables(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Variable errors are reported at parse time", arguments: [
        RenderCase("{{$x}}", "ERROR: template: t:1: undefined variable \"$x\""),
        RenderCase("{{$x = 1}}", "ERROR: template: t:1:7: executing \"t\" at <1>: undefined variable: $x"),
        RenderCase("{{if true}}{{$x := 1}}{{end}}{{$x}}", "ERROR: template: t:1: undefined variable \"$x\""),
        RenderCase("{{range .list}}{{$e := .}}{{end}}{{$e}}", "ERROR: template: t:1: undefined variable \"$e\""),
        RenderCase("{{$x := 1}}{{define \"d\"}}{{$x}}{{end}}", "ERROR: template: t:1: undefined variable \"$x\""),
        RenderCase("{{with $x, $y := .Service}}{{end}}", "ERROR: template: t:1: too many declarations in with"),
        RenderCase("{{$x := 1 2}}", "ERROR: template: t:1:8: executing \"t\" at <1>: can't give argument to non-function 1"),
        RenderCase("{{$x.y := 1}}", "ERROR: template: t:1: undefined variable \"$x\""),
    ])
    func variableErrors(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Field access errors name the failing node", arguments: [
        RenderCase("{{.Service.Name.x}}", "ERROR: template: pod.yml:1:10: executing \"pod.yml\" at <.Service.Name.x>: can't evaluate field x in type interface {}"),
        RenderCase("{{.Service.Ports.first}}", "ERROR: template: pod.yml:1:10: executing \"pod.yml\" at <.Service.Ports.first>: can't evaluate field first in type interface {}"),
        RenderCase("{{.Service.Name 1}}", "ERROR: template: pod.yml:1:10: executing \"pod.yml\" at <.Service.Name>: Name is not a method but has arguments"),
        RenderCase("{{\"x\" | .Service.Name}}", "ERROR: template: pod.yml:1:16: executing \"pod.yml\" at <.Service.Name>: Name is not a method but has arguments"),
        RenderCase("{{. 1}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <.>: can't give argument to non-function ."),
        RenderCase("{{$ 1}}", "ERROR: template: pod.yml:1:2: executing \"pod.yml\" at <$>: can't give argument to non-function $"),
        RenderCase("{{(.Service.Name).x}}", "ERROR: template: pod.yml:1:11: executing \"pod.yml\" at <.Service.Name>: can't evaluate field x in type string"),
        RenderCase("line\n  {{ .Service.Labels.app.x }}", "ERROR: template: pod.yml:2:13: executing \"pod.yml\" at <.Service.Labels.app.x>: can't evaluate field x in type interface {}"),
    ])
    func fieldErrors(_ row: RenderCase) {
        #expect(render(row.template, name: "pod.yml") == row.expected)
    }
}
