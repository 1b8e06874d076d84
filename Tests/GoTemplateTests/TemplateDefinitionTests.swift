import GoTemplate
import Testing

@Suite("define, template and block")
struct TemplateDefinitionTests {
    @Test("Defined templates are invoked by name with their own dot and $", arguments: [
        RenderCase("{{define \"T\"}}<{{.}}>{{end}}{{template \"T\" .str}}", "<héllo>"),
        RenderCase("{{define \"T\"}}<{{.}}>{{end}}{{template \"T\"}}", "<<no value>>"),
        RenderCase("{{define \"T\"}}{{$}}{{end}}{{template \"T\" 5}}", "5"),
        RenderCase("{{define \"T1\"}}ONE{{end}}{{define \"T2\"}}TWO{{end}}{{define \"T3\"}}{{template \"T1\"}} {{template \"T2\"}}{{end}}{{template \"T3\"}}", "ONE TWO"),
        RenderCase("{{define \"a\"}}A{{.}}{{template \"b\" .}}{{end}}{{define \"b\"}}B{{.}}{{end}}{{template \"a\" 1}}", "A1B1"),
        RenderCase("{{template \"t2\" .Service}}{{define \"t2\"}}{{.Name}}/{{$.Image}}{{end}}", "web/nginx:1.25"),
        RenderCase("before\n{{define \"x\"}}ignored here{{end}}\nafter", "before\n\nafter"),
        RenderCase("{{define \"T\"}}{{range .}}[{{.}}]{{end}}{{end}}{{template \"T\" .list}}", "[a][b][c]"),
        RenderCase("{{define `raw`}}R{{end}}{{template `raw`}}", "R"),
        RenderCase("{{$x := 1}}{{define \"T\"}}{{print $}}{{end}}{{template \"T\" $x}}", "1"),
        RenderCase("{{template \"T\" $v := .str}}{{$v}}{{define \"T\"}}{{.}}{{end}}", "héllohéllo"),
        RenderCase("{{define \"rec\"}}{{if .}}{{index . 0}}{{template \"rec\" (slice . 1)}}{{end}}{{end}}{{template \"rec\" .list}}", "abc"),
    ])
    func defineAndTemplate(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("block defines a template and executes it in place", arguments: [
        RenderCase("{{block \"B\" .int}}[{{.}}]{{end}}", "[42]"),
        RenderCase("{{block \"B\" .}}default {{.Service.Name}}{{end}}", "default web"),
        RenderCase("a{{block \"B\" .}}{{end}}b", "ab"),
        RenderCase("{{block \"B\" .list}}{{len .}}{{end}}{{template \"B\" .nums}}", "33"),
    ])
    func block(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Template invocation errors", arguments: [
        RenderCase("{{template \"nope\"}}", "ERROR: template: pod.yml:1:11: executing \"pod.yml\" at <{{template \"nope\"}}>: template \"nope\" not defined"),
        RenderCase("{{template}}", "ERROR: template: pod.yml:1: unexpected \"}}\" in template clause"),
        RenderCase("{{template .x}}", "ERROR: template: pod.yml:1: unexpected \".x\" in template clause"),
        RenderCase("{{template \"x\" }}", "ERROR: template: pod.yml:1:11: executing \"pod.yml\" at <{{template \"x\"}}>: template \"x\" not defined"),
        RenderCase("{{define \"x\"}}a{{end}}{{define \"x\"}}b{{end}}", "ERROR: template: pod.yml:1: template: multiple definition of template \"x\""),
        RenderCase("{{define \"x\"}}a{{end}}{{define \"x\"}} {{end}}ok", "ok"),
        RenderCase("{{define x}}{{end}}", "ERROR: template: pod.yml:1: unexpected \"x\" in define clause"),
        RenderCase("{{define \"x\"}}{{else}}{{end}}", "ERROR: template: pod.yml:1: unexpected {{else}} in define clause"),
        RenderCase("{{define \"x\"}}", "ERROR: template: pod.yml:1: unexpected EOF"),
        RenderCase("{{block \"b\"}}{{end}}", "ERROR: template: pod.yml:1: missing value for block clause"),
        RenderCase("{{block \"b\" .}}", "ERROR: template: pod.yml:1: unexpected EOF"),
        RenderCase("{{block \"b\" .}}{{else}}{{end}}", "ERROR: template: pod.yml:1: unexpected {{else}} in block clause"),
        RenderCase("{{define \"y\"}}{{.z.q}}{{end}}{{template \"y\" .Service}}", "<no value>"),
        RenderCase("{{define \"y\"}}\n{{.z.q}}{{end}}{{template \"y\" .nil}}", "\n<no value>"),
        RenderCase("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}", "ERROR: template: pod.yml:1:25: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template depth (100)"),
    ])
    func templateErrors(_ row: RenderCase) {
        #expect(render(row.template, name: "pod.yml") == row.expected)
    }

    @Test("Parsing another named template adds it to the set, like t.New(name).Parse")
    func parseAddsTemplates() throws {
        var template = try Template(name: "main", text: #"{{template "item" .Service.Name}}!"#)
        try template.parse(name: "item", text: "<{{.}}>")
        #expect(try template.execute(Fixture.data) == "<web>!")
        #expect(template.templateNames == ["item", "main"])
        #expect(try template.execute(.null, template: "item") == "<<no value>>")
    }

    @Test("A later non-empty definition replaces an earlier one; an empty one does not")
    func redefinition() throws {
        var template = try Template(name: "main", text: #"{{define "x"}}X{{end}}[{{template "x"}}]"#)
        try template.parse(name: "x", text: "   \n ")
        #expect(try template.execute(.null) == "[X]")
        try template.parse(name: "x", text: "Y")
        #expect(try template.execute(.null) == "[Y]")
        try template.parse(name: "other", text: #"{{define "x"}}Z{{end}}"#)
        #expect(try template.execute(.null) == "[Z]")
    }

    @Test("Executing an unknown template name is a usage error naming both templates")
    func unknownTemplateName() throws {
        let template = try Template(name: "main", text: "x")
        #expect(throws: TemplateError.self) { try template.execute(.null, template: "nope") }
        do {
            _ = try template.execute(.null, template: "nope")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.description == #"template: no template "nope" associated with template "main""#)
        }
    }

    @Test("Errors inside a defined template name it and locate the text it came from")
    func errorInsideDefinition() throws {
        let template = try Template(name: "pod.yml", text: "{{define \"d\"}}\n  {{.a.b.c}}{{end}}{{template \"d\" .nil}}")
        do {
            _ = try template.execute(["nil": ["a": nil]])
            Issue.record("expected an error")
        } catch {
            #expect(error.templateName == "d")
            #expect(error.sourceName == "pod.yml")
            #expect(error.line == 2)
            #expect(error.description.hasPrefix(#"template: pod.yml:2:"#))
        }
    }
}
