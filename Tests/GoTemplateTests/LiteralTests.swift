import GoTemplate
import Testing

@Suite("Literals: numbers, strings, characters, booleans, nil")
struct LiteralTests {
    @Test("Integer constants in every Go base and spelling print as ints", arguments: [
        RenderCase("{{42}}", "42"),
        RenderCase("{{-7}}", "-7"),
        RenderCase("{{+5}}", "5"),
        RenderCase("{{0}}", "0"),
        RenderCase("{{-0}}", "0"),
        RenderCase("{{0x1F}}", "31"),
        RenderCase("{{0X1f}}", "31"),
        RenderCase("{{0o17}}", "15"),
        RenderCase("{{017}}", "15"),
        RenderCase("{{0b101}}", "5"),
        RenderCase("{{0B11}}", "3"),
        RenderCase("{{1_000_000}}", "1000000"),
        RenderCase("{{0x_ff}}", "255"),
        RenderCase("{{0x1e}}", "30"),
        RenderCase("{{9223372036854775807}}", "9223372036854775807"),
        RenderCase("{{-9223372036854775808}}", "-9223372036854775808"),
    ])
    func integers(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Float constants are floats when spelled with a point or exponent", arguments: [
        RenderCase("{{1.5}}", "1.5"),
        RenderCase("{{1.0}}", "1"),
        RenderCase("{{3.}}", "3"),
        RenderCase("{{.5}}", "0.5"),
        RenderCase("{{-.5}}", "-0.5"),
        RenderCase("{{1e3}}", "1000"),
        RenderCase("{{1E-3}}", "0.001"),
        RenderCase("{{1e6}}", "1e+06"),
        RenderCase("{{1e21}}", "1e+21"),
        RenderCase("{{123456789.0}}", "1.23456789e+08"),
        RenderCase("{{0.000012}}", "1.2e-05"),
        RenderCase("{{1_000.5}}", "1000.5"),
        RenderCase("{{0x1p4}}", "16"),
        RenderCase("{{0x1.8p1}}", "3"),
        RenderCase("{{0x.8p0}}", "0.5"),
        RenderCase("{{6.02214076e23}}", "6.02214076e+23"),
        RenderCase("{{1e-400}}", "0"),
    ])
    func floats(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Character constants are integers holding the code point", arguments: [
        RenderCase("{{'a'}}", "97"),
        RenderCase("{{'\\n'}}", "10"),
        RenderCase("{{'\\t'}}", "9"),
        RenderCase("{{'\\''}}", "39"),
        RenderCase("{{'\"'}}", "34"),
        RenderCase("{{'\\\\'}}", "92"),
        RenderCase("{{'\\x41'}}", "65"),
        RenderCase("{{'\\101'}}", "65"),
        RenderCase("{{'\\u00e9'}}", "233"),
        RenderCase("{{'\\U0001F600'}}", "128512"),
        RenderCase("{{'é'}}", "233"),
        RenderCase("{{printf \"%c\" 'é'}}", "é"),
        RenderCase("{{printf \"%q\" 'x'}}", "'x'"),
    ])
    func characters(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Quoted strings understand Go escapes; raw strings take text literally", arguments: [
        RenderCase("{{\"plain\"}}", "plain"),
        RenderCase("{{\"tab\\tnew\\nline\"}}", "tab\tnew\nline"),
        RenderCase("{{\"quote\\\" backslash\\\\\"}}", "quote\" backslash\\"),
        RenderCase("{{\"\\x41\\101\\u00e9\\U0001F600\"}}", "AAé😀"),
        RenderCase("{{\"\\a\\b\\f\\v\\r\" | printf \"%q\"}}", "\"\\a\\b\\f\\v\\r\""),
        RenderCase("{{`raw \\n stays`}}", "raw \\n stays"),
        RenderCase("{{`multi\nline`}}", "multi\nline"),
        RenderCase("{{`has \"quotes\"`}}", "has \"quotes\""),
        RenderCase("{{`cr\r\nremoved`}}", "cr\nremoved"),
        RenderCase("{{\"\"}}", ""),
        RenderCase("{{``}}", ""),
        RenderCase("{{\"{{not an action}}\"}}", "{{not an action}}"),
    ])
    func strings(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Booleans and nil", arguments: [
        RenderCase("{{true}}", "true"),
        RenderCase("{{false}}", "false"),
        RenderCase("{{print nil}}", "<nil>"),
        RenderCase("{{printf \"%v\" nil}}", "<nil>"),
        RenderCase("{{if nil}}t{{else}}f{{end}}", "ERROR: template: t:1:5: executing \"t\" at <nil>: nil is not a command"),
        RenderCase("{{nil}}", "ERROR: template: t:1:2: executing \"t\" at <nil>: nil is not a command"),
        RenderCase("{{not nil}}", "true"),
    ])
    func booleansAndNil(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Malformed literals are parse errors worded as in Go", arguments: [
        RenderCase("{{089}}", "ERROR: template: t:1: integer overflow: \"089\""),
        RenderCase("{{1.2.3}}", "ERROR: template: t:1: unexpected \".3\" in operand"),
        RenderCase("{{1e}}", "ERROR: template: t:1: illegal number syntax: \"1e\""),
        RenderCase("{{0x1.8}}", "ERROR: template: t:1: illegal number syntax: \"0x1.8\""),
        RenderCase("{{1__0}}", "ERROR: template: t:1: illegal number syntax: \"1__0\""),
        RenderCase("{{_1}}", "ERROR: template: t:1: function \"_1\" not defined"),
        RenderCase("{{0b102}}", "ERROR: template: t:1: bad number syntax: \"0b102\""),
        RenderCase("{{'ab'}}", "ERROR: template: t:1: malformed character constant: 'ab'"),
        RenderCase("{{''}}", "ERROR: template: t:1: invalid syntax"),
        RenderCase("{{\"\\q\"}}", "ERROR: template: t:1: invalid syntax"),
        RenderCase("{{\"\\'\"}}", "ERROR: template: t:1: invalid syntax"),
        RenderCase("{{'\\\"'}}", "ERROR: template: t:1: invalid syntax"),
        RenderCase("{{\"\\xZZ\"}}", "ERROR: template: t:1: invalid syntax"),
        RenderCase("{{\"\\400\"}}", "ERROR: template: t:1: invalid syntax"),
        RenderCase("{{\"\\uD800\"}}", "ERROR: template: t:1: invalid syntax"),
        RenderCase("{{99999999999999999999}}", "ERROR: template: t:1: integer overflow: \"99999999999999999999\""),
        RenderCase("{{9223372036854775808}}", "ERROR: template: t:1:2: executing \"t\" at <9223372036854775808>: 9223372036854775808 overflows int"),
        RenderCase("{{\"s\".field}}", "ERROR: template: t:1: unexpected . after term \"\\\"s\\\"\""),
        RenderCase("{{1.x}}", "ERROR: template: t:1: bad number syntax: \"1.x\""),
        RenderCase("{{true.x}}", "ERROR: template: t:1: unexpected . after term \"true\""),
        RenderCase("{{nil.x}}", "ERROR: template: t:1: unexpected . after term \"nil\""),
    ])
    func malformedLiterals(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }
}
