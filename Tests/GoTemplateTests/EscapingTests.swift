import GoTemplate
import Testing

@Suite("The html, js and urlquery escapers")
struct EscapingTests {
    @Test("html escapes the five HTML specials and NUL", arguments: [
        RenderCase("{{html \"<a href='x'>&\\\"</a>\"}}", "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;"),
        RenderCase("{{html \"plain\"}}", "plain"),
        RenderCase("{{html \"\\x00\" | printf \"%q\"}}", "\"�\""),
        RenderCase("{{html 1 2}}", "1 2"),
        RenderCase("{{html \"a\" 1}}", "a1"),
        RenderCase("{{html .missing}}", "&lt;no value&gt;"),
        RenderCase("{{html nil 1}}", "&lt;no value&gt;1"),
        RenderCase("{{.Service.Labels | html}}", "map[app:web empty: tier:front]"),
        RenderCase("{{html}}", ""),
        RenderCase("{{\"<b>\" | html}}", "&lt;b&gt;"),
    ])
    func html(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("js escapes quotes, angle brackets, ampersand, equals and control characters", arguments: [
        RenderCase("{{js \"it's \\\"quoted\\\"\"}}", "it\\'s \\\"quoted\\\""),
        RenderCase("{{js \"<b>&=\"}}", "\\u003Cb\\u003E\\u0026\\u003D"),
        RenderCase("{{js \"back\\\\slash\"}}", "back\\\\slash"),
        RenderCase("{{js \"line\\nbreak\\ttab\\x01\"}}", "line\\u000Abreak\\u0009tab\\u0001"),
        RenderCase("{{js \"é☺\"}}", "é☺"),
        RenderCase("{{js \"\\u2028\\u00a0\\x7f\"}}", "\\u2028\\u00A0\u{7f}"),
        RenderCase("{{js nil}}", "\\u003Cno value\\u003E"),
        RenderCase("{{js 1 \"a\"}}", "1a"),
    ])
    func javaScript(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("urlquery escapes like url.QueryEscape", arguments: [
        RenderCase("{{urlquery \"a b&c=d/é~-_.\"}}", "a+b%26c%3Dd%2F%C3%A9~-_."),
        RenderCase("{{urlquery \"?x=1+2\"}}", "%3Fx%3D1%2B2"),
        RenderCase("{{urlquery nil}}", "%3Cno+value%3E"),
        RenderCase("{{urlquery 1 2}}", "1+2"),
        RenderCase("{{urlquery \"\"}}", ""),
        RenderCase("{{.Service.Image | urlquery}}", "nginx%3A1.25"),
    ])
    func urlQuery(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }
}
