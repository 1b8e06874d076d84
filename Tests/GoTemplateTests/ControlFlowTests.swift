import GoTemplate
import Testing

@Suite("if, with, range, else chains, break and continue")
struct ControlFlowTests {
    @Test("if, else if and else pick the first true branch", arguments: [
        RenderCase("{{if .yes}}yes{{end}}", "yes"),
        RenderCase("{{if .no}}yes{{end}}", ""),
        RenderCase("{{if .no}}a{{else}}b{{end}}", "b"),
        RenderCase("{{if .zero}}a{{else if .empty}}b{{else if .str}}c{{else}}d{{end}}", "c"),
        RenderCase("{{if .zero}}a{{else if .empty}}b{{else}}d{{end}}", "d"),
        RenderCase("{{if .Service.Labels.app}}has app{{end}}", "has app"),
        RenderCase("{{if and .yes .str}}both{{end}}", "both"),
        RenderCase("{{if eq .Service.Name \"web\" \"api\"}}match{{end}}", "match"),
        RenderCase("{{if .missing}}a{{else}}b{{end}}", "b"),
        RenderCase("{{if .nil}}a{{else}}b{{end}}", "b"),
        RenderCase("{{if .Service}}{{.Service.Name}}{{end}}", "web"),
        RenderCase("{{if 0.0}}a{{else}}b{{end}}", "b"),
        RenderCase("{{if \"0\"}}a{{end}}", "a"),
    ])
    func ifChains(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("with sets dot, and else with chains like else if", arguments: [
        RenderCase("{{with .Service.Name}}[{{.}}]{{else}}none{{end}}", "[web]"),
        RenderCase("{{with .empty}}[{{.}}]{{else}}none{{end}}", "none"),
        RenderCase("{{with .missing}}x{{end}}", ""),
        RenderCase("{{with .empty}}a{{else with .Service.Name}}<{{.}}>{{end}}", "<web>"),
        RenderCase("{{with .empty}}a{{else with .zero}}b{{else}}c{{end}}", "c"),
        RenderCase("{{with .Service}}{{with .Labels}}{{.app}}{{end}}{{else with .Args}}x{{end}}", "web"),
        RenderCase("{{with $s := .Service}}{{$s.Name}}/{{.Image}}{{end}}", "web/nginx:1.25"),
        RenderCase("{{with .Service}}{{$.str}}{{end}}", "héllo"),
        RenderCase("{{with .emptyMap}}a{{else}}b{{end}}", "b"),
        RenderCase("{{with .emptyList}}a{{else}}b{{end}}", "b"),
    ])
    func withChains(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("range visits lists in order and maps in sorted key order", arguments: [
        RenderCase("{{range .list}}<{{.}}>{{end}}", "<a><b><c>"),
        RenderCase("{{range $i, $e := .list}}{{$i}}={{$e}};{{end}}", "0=a;1=b;2=c;"),
        RenderCase("{{range $e := .list}}{{$e}}{{end}}", "abc"),
        RenderCase("{{range $k, $v := .Service.Labels}}{{$k}}={{$v}};{{end}}", "app=web;empty=;tier=front;"),
        RenderCase("{{range .Service.Labels}}[{{.}}]{{end}}", "[web][][front]"),
        RenderCase("{{range .items}}{{.name}}:{{.v}} {{end}}", "a:1 b:<no value> "),
        RenderCase("{{range .emptyList}}x{{else}}empty{{end}}", "empty"),
        RenderCase("{{range .emptyMap}}x{{else}}empty{{end}}", "empty"),
        RenderCase("{{range .missing}}x{{else}}none{{end}}", "none"),
        RenderCase("{{range .nil}}x{{else}}nil{{end}}", "nil"),
        RenderCase("{{range .nested}}{{.}};{{end}}", "[1 2];map[k:v];<no value>;"),
        RenderCase("{{range $i, $e := .list}}{{if $i}}, {{end}}{{$e}}{{end}}", "a, b, c"),
        RenderCase("{{range .list}}{{range $.nums}}{{.}}{{end}};{{end}}", "312;312;312;"),
        RenderCase("{{$i := 9}}{{$e := 9}}{{range $i, $e = .list}}{{end}}{{$i}}{{$e}}", "2c"),
        RenderCase("{{range $x := .list}}{{$y := $x}}{{end}}ok", "ok"),
    ])
    func rangeCollections(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("range over an integer counts from zero (Go 1.22)", arguments: [
        RenderCase("{{range 3}}{{.}}{{end}}", "012"),
        RenderCase("{{range $i := 4}}{{$i}},{{end}}", "0,1,2,3,"),
        RenderCase("{{range .Service.Replicas}}x{{end}}", "xxx"),
        RenderCase("{{range 0}}x{{else}}zero{{end}}", "zero"),
        RenderCase("{{range .neg}}x{{else}}negative{{end}}", "negative"),
        RenderCase("{{range $i, $e := 3}}{{end}}", "ERROR: template: t:1:18: executing \"t\" at <3>: can't use 3 to iterate over more than one variable"),
    ])
    func rangeIntegers(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("range rejects values it cannot iterate", arguments: [
        RenderCase("{{range .str}}{{.}}{{end}}", "ERROR: template: t:1:8: executing \"t\" at <.str>: range can't iterate over héllo"),
        RenderCase("{{range .float}}{{.}}{{end}}", "ERROR: template: t:1:8: executing \"t\" at <.float>: range can't iterate over 2.5"),
        RenderCase("{{range .yes}}{{.}}{{end}}", "ERROR: template: t:1:8: executing \"t\" at <.yes>: range can't iterate over true"),
        RenderCase("{{range 1.5}}{{.}}{{end}}", "ERROR: template: t:1:8: executing \"t\" at <1.5>: range can't iterate over 1.5"),
    ])
    func rangeErrors(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("break ends and continue skips within the innermost range", arguments: [
        RenderCase("{{range .list}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", "a"),
        RenderCase("{{range .list}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}", "ac"),
        RenderCase("{{range .list}}{{range $.nums}}{{if eq . 1}}{{break}}{{end}}{{.}}{{end}}{{.}};{{end}}", "3a;3b;3c;"),
        RenderCase("{{range .items}}{{if .v}}{{continue}}{{end}}{{.name}}{{else}}none{{end}}", "b"),
        RenderCase("{{range $i, $e := .list}}{{if eq $i 1}}{{break}}{{end}}{{$e}}{{end}}after", "aafter"),
        RenderCase("{{range .list}}{{with .}}{{continue}}{{end}}never{{end}}done", "done"),
        RenderCase("{{range 5}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}", "012"),
    ])
    func breakAndContinue(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Misplaced control keywords are parse errors", arguments: [
        RenderCase("{{break}}", "ERROR: template: t:1: {{break}} outside {{range}}"),
        RenderCase("{{continue}}", "ERROR: template: t:1: {{continue}} outside {{range}}"),
        RenderCase("{{range .list}}{{break 1}}{{end}}", "ERROR: template: t:1: unexpected \"1\" in {{break}}"),
        RenderCase("{{range .list}}{{else}}{{break}}{{end}}", "ERROR: template: t:1: {{break}} outside {{range}}"),
        RenderCase("{{if .yes}}{{break}}{{end}}", "ERROR: template: t:1: {{break}} outside {{range}}"),
        RenderCase("{{end}}", "ERROR: template: t:1: unexpected {{end}}"),
        RenderCase("{{else}}", "ERROR: template: t:1: unexpected {{else}}"),
        RenderCase("{{if .yes}}", "ERROR: template: t:1: unexpected EOF"),
        RenderCase("{{if .yes}}{{else}}", "ERROR: template: t:1: unexpected EOF"),
        RenderCase("{{if}}{{end}}", "ERROR: template: t:1: missing value for if"),
        RenderCase("{{range}}{{end}}", "ERROR: template: t:1: missing value for range"),
        RenderCase("{{with}}{{end}}", "ERROR: template: t:1: missing value for with"),
        RenderCase("{{if .yes}}{{else}}{{else}}{{end}}", "ERROR: template: t:1: expected end; found {{else}}"),
        RenderCase("{{if .yes}}{{else if}}{{end}}", "ERROR: template: t:1: missing value for if"),
        RenderCase("{{range $a, $b, $c := .list}}{{end}}", "ERROR: template: t:1: too many declarations in range"),
        RenderCase("{{range $a, 3 := .list}}{{end}}", "ERROR: template: t:1: range can only initialize variables"),
        RenderCase("{{end x}}", "ERROR: template: t:1: unexpected \"x\" in end"),
        RenderCase("{{else x}}", "ERROR: template: t:1: unexpected \"x\" in else"),
        RenderCase("{{if .yes}}{{else with .str}}{{end}}", "ERROR: template: t:1: unexpected <with> in input"),
        RenderCase("{{with .yes}}{{else if .str}}{{end}}", "ERROR: template: t:1: unexpected <if> in input"),
    ])
    func controlErrors(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }
}
