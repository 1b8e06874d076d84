import GoTemplate
import Testing

@Suite("Builtin functions: boolean logic, len, index, slice, print family, call")
struct BuiltinTests {
    @Test("and/or return the deciding argument and short-circuit", arguments: [
        RenderCase("{{and 1 0 2}}", "0"),
        RenderCase("{{and 1 2}}", "2"),
        RenderCase("{{and .str .list}}", "[a b c]"),
        RenderCase("{{or 0 \"\" 3}}", "3"),
        RenderCase("{{or 0 \"\"}}", ""),
        RenderCase("{{or .missing .str}}", "héllo"),
        RenderCase("{{and .missing .str}}", "<no value>"),
        RenderCase("{{or .Service.Nme \"fallback\"}}", "fallback"),
        RenderCase("{{and 0 (fail)}}", "0"),
        RenderCase("{{or 1 (fail)}}", "1"),
        RenderCase("{{and 1 (fail)}}", "ERROR: template: t:1:9: executing \"t\" at <fail>: error calling fail: boom"),
        RenderCase("{{\"x\" | and}}", "x"),
        RenderCase("{{\"\" | or 0}}", ""),
        RenderCase("{{1 | and 2}}", "1"),
        RenderCase("{{or .nil .emptyList .emptyMap 0.0 false}}", "false"),
        RenderCase("{{and nil 1}}", "<no value>"),
        RenderCase("{{or nil 1}}", "1"),
        RenderCase("{{print (and nil 1)}}", "<nil>"),
    ])
    func andOr(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("not negates Go truthiness", arguments: [
        RenderCase("{{not 0}}", "true"),
        RenderCase("{{not 1}}", "false"),
        RenderCase("{{not .yes}}", "false"),
        RenderCase("{{not .empty}}", "true"),
        RenderCase("{{not .str}}", "false"),
        RenderCase("{{not .missing}}", "true"),
        RenderCase("{{not nil}}", "true"),
        RenderCase("{{not .emptyList}}", "true"),
        RenderCase("{{not .Service}}", "false"),
    ])
    func not(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("len counts bytes of strings and entries of collections", arguments: [
        RenderCase("{{len .list}}", "3"),
        RenderCase("{{len .str}}", "6"),
        RenderCase("{{len \"héllo\"}}", "6"),
        RenderCase("{{len .Service.Labels}}", "3"),
        RenderCase("{{len .emptyList}}", "0"),
        RenderCase("{{len \"\"}}", "0"),
        RenderCase("{{len 3}}", "ERROR: template: t:1:2: executing \"t\" at <len 3>: error calling len: len of type int"),
        RenderCase("{{len .yes}}", "ERROR: template: t:1:2: executing \"t\" at <len .yes>: error calling len: len of type bool"),
        RenderCase("{{len .nil}}", "ERROR: template: t:1:2: executing \"t\" at <len .nil>: error calling len: len of nil pointer"),
        RenderCase("{{len .missing}}", "ERROR: template: t:1:2: executing \"t\" at <len .missing>: error calling len: reflect: call of reflect.Value.Type on zero Value"),
        RenderCase("{{len nil}}", "ERROR: template: t:1:2: executing \"t\" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value"),
        RenderCase("{{len .float}}", "ERROR: template: t:1:2: executing \"t\" at <len .float>: error calling len: len of type float64"),
    ])
    func len(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("index walks lists, maps and string bytes", arguments: [
        RenderCase("{{index .list 1}}", "b"),
        RenderCase("{{index .Service.Labels \"app\"}}", "web"),
        RenderCase("{{index .Service.Labels \"nope\"}}", "<no value>"),
        RenderCase("{{print (index .Service.Labels \"nope\")}}", "<nil>"),
        RenderCase("{{index .str 1}}", "195"),
        RenderCase("{{index .nested 0 1}}", "2"),
        RenderCase("{{index .nested 1 \"k\"}}", "v"),
        RenderCase("{{index .items 1 \"name\"}}", "b"),
        RenderCase("{{index .list}}", "[a b c]"),
        RenderCase("{{index . \"str\"}}", "héllo"),
        RenderCase("{{index .list 3}}", "ERROR: template: t:1:2: executing \"t\" at <index .list 3>: error calling index: reflect: slice index out of range"),
        RenderCase("{{index .list 5}}", "ERROR: template: t:1:2: executing \"t\" at <index .list 5>: error calling index: index out of range: 5"),
        RenderCase("{{index .list -1}}", "ERROR: template: t:1:2: executing \"t\" at <index .list -1>: error calling index: index out of range: -1"),
        RenderCase("{{index .str 6}}", "ERROR: template: t:1:2: executing \"t\" at <index .str 6>: error calling index: reflect: string index out of range"),
        RenderCase("{{index .list \"a\"}}", "ERROR: template: t:1:2: executing \"t\" at <index .list \"a\">: error calling index: cannot index slice/array with type string"),
        RenderCase("{{index .list 1.0}}", "ERROR: template: t:1:2: executing \"t\" at <index .list 1.0>: error calling index: cannot index slice/array with type float64"),
        RenderCase("{{index .list nil}}", "ERROR: template: t:1:2: executing \"t\" at <index .list nil>: error calling index: cannot index slice/array with nil"),
        RenderCase("{{index .Service.Labels 1}}", "ERROR: template: t:1:2: executing \"t\" at <index .Service.Labels 1>: error calling index: value has type int; should be string"),
        RenderCase("{{index .Service.Labels nil}}", "ERROR: template: t:1:2: executing \"t\" at <index .Service.Labels nil>: error calling index: value is nil; should be of type string"),
        RenderCase("{{index .missing 1}}", "ERROR: template: t:1:2: executing \"t\" at <index .missing 1>: error calling index: index of untyped nil"),
        RenderCase("{{index nil 1}}", "ERROR: template: t:1:2: executing \"t\" at <index nil 1>: error calling index: index of untyped nil"),
        RenderCase("{{index .int 1}}", "ERROR: template: t:1:2: executing \"t\" at <index .int 1>: error calling index: can't index item of type int"),
        RenderCase("{{index .nested 2 0}}", "ERROR: template: t:1:2: executing \"t\" at <index .nested 2 0>: error calling index: index of nil pointer"),
        RenderCase("{{index .list .Service.Replicas}}", "ERROR: template: t:1:2: executing \"t\" at <index .list .Service.Replicas>: error calling index: reflect: slice index out of range"),
        RenderCase("{{index .nested 0 5}}", "ERROR: template: t:1:2: executing \"t\" at <index .nested 0 5>: error calling index: index out of range: 5"),
    ])
    func index(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("slice takes sub-lists and byte ranges of strings", arguments: [
        RenderCase("{{slice .list 1}}", "[b c]"),
        RenderCase("{{slice .list 1 2}}", "[b]"),
        RenderCase("{{slice .list}}", "[a b c]"),
        RenderCase("{{slice .list 0 1 2}}", "[a]"),
        RenderCase("{{slice .list 3}}", "[]"),
        RenderCase("{{slice \"hello\" 1 3}}", "el"),
        RenderCase("{{slice .str 0 1}}", "h"),
        RenderCase("{{slice .list 2 1}}", "ERROR: template: t:1:2: executing \"t\" at <slice .list 2 1>: error calling slice: invalid slice index: 2 > 1"),
        RenderCase("{{slice .list 0 4}}", "ERROR: template: t:1:2: executing \"t\" at <slice .list 0 4>: error calling slice: index out of range: 4"),
        RenderCase("{{slice .list -1}}", "ERROR: template: t:1:2: executing \"t\" at <slice .list -1>: error calling slice: index out of range: -1"),
        RenderCase("{{slice \"abc\" 1 2 3}}", "ERROR: template: t:1:2: executing \"t\" at <slice \"abc\" 1 2 3>: error calling slice: cannot 3-index slice a string"),
        RenderCase("{{slice .list 1 2 3 4}}", "ERROR: template: t:1:2: executing \"t\" at <slice .list 1 2 3 4>: error calling slice: too many slice indexes: 4"),
        RenderCase("{{slice .int 1}}", "ERROR: template: t:1:2: executing \"t\" at <slice .int 1>: error calling slice: can't slice item of type int"),
        RenderCase("{{slice .missing}}", "ERROR: template: t:1:2: executing \"t\" at <slice .missing>: error calling slice: slice of untyped nil"),
        RenderCase("{{slice nil}}", "ERROR: template: t:1:2: executing \"t\" at <slice nil>: error calling slice: slice of untyped nil"),
        RenderCase("{{slice .list \"a\"}}", "ERROR: template: t:1:2: executing \"t\" at <slice .list \"a\">: error calling slice: cannot index slice/array with type string"),
        RenderCase("{{slice .list nil}}", "ERROR: template: t:1:2: executing \"t\" at <slice .list nil>: error calling slice: cannot index slice/array with nil"),
        RenderCase("{{slice .list .Service.Replicas}}", "ERROR: template: t:1:2: executing \"t\" at <slice .list .Service.Replicas>: error calling slice: cannot index slice/array with type interface {}"),
        RenderCase("{{slice .list 0 2 1}}", "ERROR: template: t:1:2: executing \"t\" at <slice .list 0 2 1>: error calling slice: invalid slice index: 2 > 1"),
        RenderCase("{{$n := 1}}{{slice .list $n}}", "[b c]"),
        RenderCase("{{slice .list (len .nums)}}", "[]"),
    ])
    func slice(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("print, println and the escapers space operands like fmt", arguments: [
        RenderCase("{{print}}", ""),
        RenderCase("{{print 1 2}}", "1 2"),
        RenderCase("{{print \"a\" \"b\"}}", "ab"),
        RenderCase("{{print 1 \"a\" 2}}", "1a2"),
        RenderCase("{{print 1 2 \"a\" 3 \"b\" \"c\" 4.5 true nil}}", "1 2a3bc4.5 true <nil>"),
        RenderCase("{{print nil nil}}", "<nil> <nil>"),
        RenderCase("{{print .list .nums}}", "[a b c] [3 1 2]"),
        RenderCase("{{print .Service.Labels}}", "map[app:web empty: tier:front]"),
        RenderCase("{{println}}", "\n"),
        RenderCase("{{println 1 \"a\" nil}}", "1 a <nil>\n"),
        RenderCase("{{println .list}}x", "[a b c]\nx"),
        RenderCase("{{print .missing .nil}}", "<nil> <nil>"),
        RenderCase("{{print 1.0 2.5 1e6 -0.0}}", "1 2.5 1e+06 -0"),
    ])
    func printFamily(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("call invokes function values from the data", arguments: [
        RenderCase("{{call .Fn}}", "fn[]"),
        RenderCase("{{call .Fn 1 \"a\"}}", "fn[1 a]"),
        RenderCase("{{call .Fn2 \"a\" \"b\"}}", "a+b"),
        RenderCase("{{call .Fn .missing}}", "fn[<nil>]"),
        RenderCase("{{call .Fn nil}}", "fn[<nil>]"),
        RenderCase("{{call .Fn2 .int .str}}", "42+héllo"),
        RenderCase("{{call .Fn2 1}}", "ERROR: template: t:1:2: executing \"t\" at <call .Fn2 1>: error calling call: wrong number of args for .Fn2: got 1 want 2"),
        RenderCase("{{call .FnErr 1}}", "ERROR: template: t:1:2: executing \"t\" at <call .FnErr 1>: error calling call: bad call"),
        RenderCase("{{call .str}}", "ERROR: template: t:1:2: executing \"t\" at <call .str>: error calling call: non-function .str of type string"),
        RenderCase("{{call .missing}}", "ERROR: template: t:1:2: executing \"t\" at <call .missing>: error calling call: call of nil"),
        RenderCase("{{call nil}}", "ERROR: template: t:1:2: executing \"t\" at <call nil>: error calling call: call of nil"),
        RenderCase("{{call}}", "ERROR: template: t:1:2: executing \"t\" at <call>: wrong number of args for call: want at least 1 got 0"),
        RenderCase("{{if .Fn}}truthy{{end}}", "truthy"),
        RenderCase("{{with .Fn}}{{call .}}{{end}}", "fn[]"),
    ])
    func call(_ row: RenderCase) {
        #expect(render(row.template, data: Fixture.dataWithFunctions) == row.expected)
    }
}
