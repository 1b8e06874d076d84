import GoTemplate
import Testing

@Suite("printf verbs, flags, widths and Go's in-band errors")
struct PrintfTests {
    @Test("Verbs for integers", arguments: [
        RenderCase("{{printf \"%d\" 42}}", "42"),
        RenderCase("{{printf \"%d\" -7}}", "-7"),
        RenderCase("{{printf \"%v\" 42}}", "42"),
        RenderCase("{{printf \"%x\" 255}}", "ff"),
        RenderCase("{{printf \"%X\" 255}}", "FF"),
        RenderCase("{{printf \"%x\" -255}}", "-ff"),
        RenderCase("{{printf \"%o\" 8}}", "10"),
        RenderCase("{{printf \"%O\" 8}}", "0o10"),
        RenderCase("{{printf \"%b\" 5}}", "101"),
        RenderCase("{{printf \"%c\" 65}}", "A"),
        RenderCase("{{printf \"%c\" 0x1F600}}", "😀"),
        RenderCase("{{printf \"%q\" 65}}", "'A'"),
        RenderCase("{{printf \"%q\" 0x263A}}", "'☺'"),
        RenderCase("{{printf \"%+q\" 0x263A}}", "'\\u263a'"),
        RenderCase("{{printf \"%U\" 0x263A}}", "U+263A"),
        RenderCase("{{printf \"%#U\" 0x263A}}", "U+263A '☺'"),
        RenderCase("{{printf \"%#x\" 255}}", "0xff"),
        RenderCase("{{printf \"%#X\" 255}}", "0XFF"),
        RenderCase("{{printf \"%#o\" 8}}", "010"),
        RenderCase("{{printf \"%#b\" 5}}", "0b101"),
        RenderCase("{{printf \"%c\" -1}}", "�"),
        RenderCase("{{printf \"%U\" -1}}", "U+FFFFFFFFFFFFFFFF"),
        RenderCase("{{printf \"%q\" -1}}", "'�'"),
        RenderCase("{{printf \"%.6U\" 65}}", "U+000041"),
    ])
    func integerVerbs(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Width, precision and flags on integers", arguments: [
        RenderCase("{{printf \"%5d|\" 42}}", "   42|"),
        RenderCase("{{printf \"%-5d|\" 42}}", "42   |"),
        RenderCase("{{printf \"%05d\" 42}}", "00042"),
        RenderCase("{{printf \"%05d\" -42}}", "-0042"),
        RenderCase("{{printf \"%+d\" 42}}", "+42"),
        RenderCase("{{printf \"% d\" 42}}", " 42"),
        RenderCase("{{printf \"%+05d|% 05d\" 42 42}}", "+0042| 0042"),
        RenderCase("{{printf \"%.3d\" 7}}", "007"),
        RenderCase("{{printf \"%8.3d|\" -7}}", "    -007|"),
        RenderCase("{{printf \"%.0d|\" 0}}", "|"),
        RenderCase("{{printf \"%5.0d|\" 0}}", "     |"),
        RenderCase("{{printf \"%-05d|\" 42}}", "42   |"),
        RenderCase("{{printf \"%08b\" 5}}", "00000101"),
        RenderCase("{{printf \"%#8x|%-#8x|\" 255 255}}", "    0xff|0xff    |"),
        RenderCase("{{printf \"%x\" 0}}", "0"),
        RenderCase("{{printf \"%#x\" 0}}", "0x0"),
    ])
    func integerFlags(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Verbs, widths and flags for strings", arguments: [
        RenderCase("{{printf \"%s\" .str}}", "héllo"),
        RenderCase("{{printf \"%v\" .str}}", "héllo"),
        RenderCase("{{printf \"%q\" .str}}", "\"héllo\""),
        RenderCase("{{printf \"%+q\" .str}}", "\"h\\u00e9llo\""),
        RenderCase("{{printf \"%#q\" .str}}", "`héllo`"),
        RenderCase("{{printf \"%#q\" \"a`b\"}}", "\"a`b\""),
        RenderCase("{{printf \"%x\" .str}}", "68c3a96c6c6f"),
        RenderCase("{{printf \"%X\" \"hi\"}}", "6869"),
        RenderCase("{{printf \"% x\" \"hi\"}}", "68 69"),
        RenderCase("{{printf \"%#x\" \"hi\"}}", "0x6869"),
        RenderCase("{{printf \"%# x\" \"hi\"}}", "0x68 0x69"),
        RenderCase("{{printf \"%10s|\" .str}}", "     héllo|"),
        RenderCase("{{printf \"%-10s|\" .str}}", "héllo     |"),
        RenderCase("{{printf \"%.2s\" .str}}", "hé"),
        RenderCase("{{printf \"%5.1q\" .str}}", "  \"h\""),
        RenderCase("{{printf \"%05s\" \"ab\"}}", "000ab"),
        RenderCase("{{printf \"%.1x\" \"hi\"}}", "68"),
        RenderCase("{{printf \"%q\" \"tab\\there\\u00a0\\u200b\\x01\"}}", "\"tab\\there\\u00a0\\u200b\\x01\""),
        RenderCase("{{printf \"%q\" \"\"}}", "\"\""),
        RenderCase("{{printf \"%6.2v|\" \"abcdef\"}}", "    ab|"),
        RenderCase("{{printf \"%x\" \"\"}}", ""),
        RenderCase("{{printf \"%5x|\" \"\"}}", "     |"),
    ])
    func stringVerbs(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Booleans, nil, types and composite values", arguments: [
        RenderCase("{{printf \"%t\" true}}", "true"),
        RenderCase("{{printf \"%v\" .no}}", "false"),
        RenderCase("{{printf \"%5t|\" true}}", " true|"),
        RenderCase("{{printf \"%v\" nil}}", "<nil>"),
        RenderCase("{{printf \"%5v|%-5v|\" nil nil}}", "<nil>|<nil>|"),
        RenderCase("{{printf \"%d\" nil}}", "%!d(<nil>)"),
        RenderCase("{{printf \"%s\" .missing}}", "%!s(<nil>)"),
        RenderCase("{{printf \"%T %T %T %T\" 1 1.5 \"x\" true}}", "int float64 string bool"),
        RenderCase("{{printf \"%T %T %T\" .list .Service.Labels nil}}", "[]interface {} map[string]interface {} <nil>"),
        RenderCase("{{printf \"%v\" .list}}", "[a b c]"),
        RenderCase("{{printf \"%d\" .nums}}", "[3 1 2]"),
        RenderCase("{{printf \"%s\" .nums}}", "[%!s(int=3) %!s(int=1) %!s(int=2)]"),
        RenderCase("{{printf \"%q\" .list}}", "[\"a\" \"b\" \"c\"]"),
        RenderCase("{{printf \"%x\" .list}}", "[61 62 63]"),
        RenderCase("{{printf \"%5v|\" .nums}}", "[    3     1     2]|"),
        RenderCase("{{printf \"%v\" .Service.Labels}}", "map[app:web empty: tier:front]"),
        RenderCase("{{printf \"%+v\" .Service.Labels}}", "map[app:web empty: tier:front]"),
        RenderCase("{{printf \"%#v\" .Service.Labels}}", "map[string]interface {}{\"app\":\"web\", \"empty\":\"\", \"tier\":\"front\"}"),
        RenderCase("{{printf \"%#v\" .nested}}", "[]interface {}{[]interface {}{1, 2}, map[string]interface {}{\"k\":\"v\"}, interface {}(nil)}"),
        RenderCase("{{printf \"%#v\" 1 \"s\" true 2.5}}", "1%!(EXTRA string=s, bool=true, float64=2.5)"),
        RenderCase("{{printf \"%v\" .nested}}", "[[1 2] map[k:v] <nil>]"),
        RenderCase("{{printf \"%d\" .Service.Labels}}", "map[%!d(string=app):%!d(string=web) %!d(string=empty):%!d(string=) %!d(string=tier):%!d(string=front)]"),
    ])
    func otherVerbs(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Wrong types, missing and extra operands are reported inline", arguments: [
        RenderCase("{{printf \"%d\" \"hi\"}}", "%!d(string=hi)"),
        RenderCase("{{printf \"%5d\" \"hi\"}}", "%!d(string=   hi)"),
        RenderCase("{{printf \"%s\" 1}}", "%!s(int=1)"),
        RenderCase("{{printf \"%d\" 1.5}}", "%!d(float64=1.5)"),
        RenderCase("{{printf \"%t\" 1}}", "%!t(int=1)"),
        RenderCase("{{printf \"%e\" 1}}", "%!e(int=1)"),
        RenderCase("{{printf \"%z\" 1}}", "%!z(int=1)"),
        RenderCase("{{printf \"%!\" 1}}", "%!!(int=1)"),
        RenderCase("{{printf \"%w\" 1}}", "%!w(int=1)"),
        RenderCase("{{printf \"%w\" .list}}", "%!w([]interface {}=[a b c])"),
        RenderCase("{{printf \"%d %s\"}}", "%!d(MISSING) %!s(MISSING)"),
        RenderCase("{{printf \"%s\"}}", "%!s(MISSING)"),
        RenderCase("{{printf \"%d\" 1 2 \"x\" nil}}", "1%!(EXTRA int=2, string=x, <nil>)"),
        RenderCase("{{printf \"%\" }}", "%!(NOVERB)"),
        RenderCase("{{printf \"abc%\"}}", "abc%!(NOVERB)"),
        RenderCase("{{printf \"%5.2%\"}}", "%"),
        RenderCase("{{printf \"%d%%\" 50}}", "50%"),
        RenderCase("{{printf \"%[2]d %[1]d\" 1 2}}", "2 1"),
        RenderCase("{{printf \"%[3]d\" 1 2}}", "%!d(BADINDEX)"),
        RenderCase("{{printf \"%[0]d\" 1}}", "%!d(BADINDEX)"),
        RenderCase("{{printf \"%[x]d\" 1}}", "%!d(BADINDEX)"),
        RenderCase("{{printf \"%[1\" 1}}", "%!(NOVERB)"),
        RenderCase("{{printf \"%[1]d %d\" 1 2}}", "1 2"),
        RenderCase("{{printf \"%*d|\" 5 1}}", "    1|"),
        RenderCase("{{printf \"%-*d|\" 5 1}}", "1    |"),
        RenderCase("{{printf \"%*d|\" -5 1}}", "1    |"),
        RenderCase("{{printf \"%.*f\" 2 3.14159}}", "3.14"),
        RenderCase("{{printf \"%.*f\" -1 3.14159}}", "%!(BADPREC)3.141590"),
        RenderCase("{{printf \"%*d\" \"x\" 1}}", "%!(BADWIDTH)1"),
        RenderCase("{{printf \"%3[1]d\" 1}}", "  1"),
        RenderCase("{{printf \"%[1]*d\" 3 1}}", "  1"),
    ])
    func inBandErrors(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }
}
