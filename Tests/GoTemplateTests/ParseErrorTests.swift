import GoTemplate
import Testing

@Suite("Parse errors name the template and line like Go's")
struct ParseErrorTests {
    @Test("Malformed actions", arguments: [
        RenderCase("{{ .Service } }}", "ERROR: template: pod.yml:1: unexpected \"}\" in operand"),
        RenderCase("{{}}", "ERROR: template: pod.yml:1: missing value for command"),
        RenderCase("{{ }}", "ERROR: template: pod.yml:1: missing value for command"),
        RenderCase("{{ | }}", "ERROR: template: pod.yml:1: unexpected \"|\" in command"),
        RenderCase("{{ .a | }}", "<no value>"),
        RenderCase("{{ .a : }}", "ERROR: template: pod.yml:1: expected :="),
        RenderCase("{{ .a,.b }}", "ERROR: template: pod.yml:1: unexpected \",\" in operand"),
        RenderCase("{{(}}", "ERROR: template: pod.yml:1: unclosed left paren"),
        RenderCase("{{()}}", "ERROR: template: pod.yml:1: missing value for parenthesized pipeline"),
        RenderCase("{{ (1 2 }}", "ERROR: template: pod.yml:1: unclosed left paren"),
        RenderCase("{{ .a ( }}", "ERROR: template: pod.yml:1: unclosed left paren"),
        RenderCase("{{..a}}", "ERROR: template: pod.yml:1: unexpected . after term \".\""),
        RenderCase("{{.a.}}", "ERROR: template: pod.yml:1: unexpected <.> in operand"),
        RenderCase("a\n\n{{.a |}}", "a\n\n<no value>"),
        RenderCase("{{ \"x\" | \"y\" }}", "ERROR: template: pod.yml:1: non executable command in pipeline stage 2"),
        RenderCase("{{ .a | 1 }}", "ERROR: template: pod.yml:1: non executable command in pipeline stage 2"),
        RenderCase("{{ 1 | 2 | .a }}", "ERROR: template: pod.yml:1: non executable command in pipeline stage 2"),
        RenderCase("{{nofunc 1}}", "ERROR: template: pod.yml:1: function \"nofunc\" not defined"),
        RenderCase("{{ $ := 1 }}", ""),
        RenderCase("{{ $x := }}", "ERROR: template: pod.yml:1: missing value for command"),
        RenderCase("line1\n{{if .a}}\nx\n{{end", "ERROR: template: pod.yml:4: unclosed action"),
        RenderCase("{{ .a }}{{ end }}", "ERROR: template: pod.yml:1: unexpected {{end}}"),
        RenderCase("{{ else }}", "ERROR: template: pod.yml:1: unexpected {{else}}"),
        RenderCase("{{if .a}}{{end}}{{end}}", "ERROR: template: pod.yml:1: unexpected {{end}}"),
        RenderCase("{{range .a}}{{else}}{{else}}{{end}}", "ERROR: template: pod.yml:1: expected end; found {{else}}"),
    ])
    func malformedActions(_ row: RenderCase) {
        #expect(render(row.template, name: "pod.yml") == row.expected)
    }

    @Test("Parse errors carry kind, template name and line")
    func parseErrorFields() {
        do {
            _ = try Template(name: "pod.yml", text: "a\nb\n{{ .x } }}")
            Issue.record("expected a parse error")
        } catch {
            #expect(error.kind == .parse)
            #expect(error.templateName == "pod.yml")
            #expect(error.line == 3)
            #expect(error.column == nil)
            #expect(error.message == #"unexpected "}" in operand"#)
            #expect(error.description == #"template: pod.yml:3: unexpected "}" in operand"#)
        }
    }

    @Test("Functions named break or continue turn those keywords into calls")
    func keywordsShadowedByFunctions() throws {
        let functions = ["break": TemplateFunction("break") { _ in "B" }]
        let template = try Template(name: "t", text: "{{break}}", functions: functions)
        #expect(try template.execute(.null) == "B")
    }
}
