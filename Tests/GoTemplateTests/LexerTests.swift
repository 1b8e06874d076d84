import GoTemplate
import Testing

@Suite("Lexing: text, trim markers, comments, spacing inside actions")
struct LexerTests {
    @Test("Text outside actions is copied verbatim", arguments: [
        RenderCase("hello, world", "hello, world"),
        RenderCase("", ""),
        RenderCase("line one\nline two\n", "line one\nline two\n"),
        RenderCase("tabs\tand  spaces  ", "tabs\tand  spaces  "),
        RenderCase("unicode: ünï ☺ 日本", "unicode: ünï ☺ 日本"),
        RenderCase("{ single braces } and }} closers", "{ single braces } and }} closers"),
        RenderCase("{{`{{`}} literal braces", "{{ literal braces"),
    ])
    func plainText(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Trim markers remove all adjacent white space including newlines", arguments: [
        RenderCase("{{23 -}} < {{- 45}}", "23<45"),
        RenderCase("a  \n {{- 3 }}  \n  b", "a3  \n  b"),
        RenderCase("{{ 4 -}} \n\n c", "4c"),
        RenderCase("x\t{{- \"y\" -}}\tz", "xyz"),
        RenderCase("a\r\n{{- \"b\" -}}\r\nc", "abc"),
        RenderCase("{{ \"n\" -}}\n", "n"),
        RenderCase("\n{{- \"n\"}}", "n"),
        RenderCase("  {{- \"only left\" }}  ", "only left  "),
        RenderCase("  {{ \"only right\" -}}  ", "  only right"),
        RenderCase("{{- \"both\" -}}", "both"),
        RenderCase("a {{- \"\" -}} b", "ab"),
        RenderCase("x {{- /* gone */ -}} y", "xy"),
        RenderCase("{{ \"a\"\t-}}\t\n b", "ab"),
        RenderCase("{{ \"a\"\n-}}\n b", "ab"),
        RenderCase("{{-\t\"a\" }}", "a"),
    ])
    func trimMarkers(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("A minus without a space is a negative number, not a trim marker", arguments: [
        RenderCase("{{-3}}", "-3"),
        RenderCase("{{ -3}}", "-3"),
        RenderCase("a {{-3 }} b", "a -3 b"),
        RenderCase("{{3 -}}x", "3x"),
        RenderCase("{{- -3 -}}", "-3"),
    ])
    func minusWithoutSpace(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Comments are discarded and may span lines", arguments: [
        RenderCase("a{{/* comment */}}b", "ab"),
        RenderCase("a {{/* c */}} b", "a  b"),
        RenderCase("a{{/*\nmulti\nline\n*/}}b", "ab"),
        RenderCase("a {{- /* trimmed */ -}} \n b", "ab"),
        RenderCase("{{/* only */}}", ""),
        RenderCase("{{- /* leading */ -}}\n  x  \n{{- /* trailing */}}", "x"),
        RenderCase("a{{/* {{ nested-looking }} */}}b", "ab"),
    ])
    func comments(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Actions may contain spaces, tabs and newlines between tokens", arguments: [
        RenderCase("{{   .Service.Name   }}", "web"),
        RenderCase("{{\t.Service.Name\t}}", "web"),
        RenderCase("{{\n.Service.Name\n}}", "web"),
        RenderCase("{{ printf\n\"%s-%s\"\n.Service.Name\n.Service.Image }}", "web-nginx:1.25"),
        RenderCase("{{.Service.Name}}{{.Service.Image}}", "webnginx:1.25"),
        RenderCase("{{ .Service.Name | printf \"%q\" }}", "\"web\""),
        RenderCase("{{.Service.Name|printf \"%q\"}}", "\"web\""),
    ])
    func spacingInsideActions(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Lexical errors are reported like Go's lexer reports them", arguments: [
        RenderCase("{{", "ERROR: template: t:1: unclosed action"),
        RenderCase("{{ .Service", "ERROR: template: t:1: unclosed action"),
        RenderCase("text {{/* never closed", "ERROR: template: t:1: unclosed comment"),
        RenderCase("{{/* c */ }}", "ERROR: template: t:1: comment ends before closing delimiter"),
        RenderCase("{{ € }}", "ERROR: template: t:1: unrecognized character in action: U+20AC '€'"),
        RenderCase("{{ \u{7} }}", "ERROR: template: t:1: unrecognized character in action: U+0007"),
        RenderCase("{{.Service.Name+1}}", "ERROR: template: t:1: bad character U+002B '+'"),
        RenderCase("{{$x:=1}}", ""),
        RenderCase("{{$x=1}}", "ERROR: template: t:1: bad character U+003D '='"),
        RenderCase("{{ : }}", "ERROR: template: t:1: expected :="),
        RenderCase("{{ (1 }}", "ERROR: template: t:1: unclosed left paren"),
        RenderCase("{{ 1) }}", "ERROR: template: t:1: unexpected right paren"),
        RenderCase("{{ \"unterminated }}", "ERROR: template: t:1: unterminated quoted string"),
        RenderCase("{{ `raw }}", "ERROR: template: t:1: unterminated raw quoted string"),
        RenderCase("{{ 'a }}", "ERROR: template: t:1: unterminated character constant"),
        RenderCase("{{ 0x }}", "ERROR: template: t:1: illegal number syntax: \"0x\""),
        RenderCase("{{ 1a }}", "ERROR: template: t:1: bad number syntax: \"1a\""),
        RenderCase("{{ 3+ }}", "ERROR: template: t:1: bad number syntax: \"3+\""),
        RenderCase("line 1\n{{ if\n.yes }}{{ \"oops }}{{ end }}", "ERROR: template: t:3: unterminated quoted string"),
        RenderCase("{{ .yes\n", "ERROR: template: t:2: unclosed action started at t:1"),
        RenderCase("a\nb\n{{ print \"x\" (1 }}", "ERROR: template: t:3: unclosed left paren"),
    ])
    func lexicalErrors(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }
}
