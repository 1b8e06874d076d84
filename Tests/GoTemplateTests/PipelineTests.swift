import GoTemplate
import Testing

@Suite("Pipelines, parentheses and function calls")
struct PipelineTests {
    @Test("A pipe passes the previous result as the last argument", arguments: [
        RenderCase("{{\"output\" | printf \"%q\"}}", "\"output\""),
        RenderCase("{{\"put\" | printf \"%s%s\" \"out\" | printf \"%q\"}}", "\"output\""),
        RenderCase("{{\"output\" | printf \"%s\" | printf \"%q\"}}", "\"output\""),
        RenderCase("{{.Service.Name | upper}}", "WEB"),
        RenderCase("{{.Service.Name | printf \"%s:%s\" .Service.Image}}", "nginx:1.25:web"),
        RenderCase("{{.int | printf \"%05d\"}}", "00042"),
        RenderCase("{{.list | len}}", "3"),
        RenderCase("{{.Service.Labels | len | printf \"%d labels\"}}", "3 labels"),
        RenderCase("{{1 | one}}", "1"),
        RenderCase("{{.nil | default \"fallback\"}}", "<no value>"),
        RenderCase("{{.missing | print}}", "<nil>"),
        RenderCase("{{.str | print \"a\" 1}}", "a1héllo"),
    ])
    func pipes(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Parenthesised pipelines are arguments and can be field-accessed", arguments: [
        RenderCase("{{printf \"%q\" (print \"out\" \"put\")}}", "\"output\""),
        RenderCase("{{(print \"a\" \"b\" | printf \"<%s>\")}}", "<ab>"),
        RenderCase("{{len (slice .list 1)}}", "2"),
        RenderCase("{{not (eq 1 2)}}", "true"),
        RenderCase("{{(index .items 1).name}}", "b"),
        RenderCase("{{((.Args).sidecar).image}}", "envoy:v1"),
        RenderCase("{{print (1) (\"x\") (.int)}}", "1x42"),
        RenderCase("{{(list 1 2)}}", "[1 2]"),
        RenderCase("{{(1)}}", "1"),
        RenderCase("{{(.Service.Replicas)}}", "3"),
        RenderCase("{{printf \"%v-%v\" (len .list) (len .str)}}", "3-6"),
    ])
    func parentheses(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Declarations capture pipeline results without printing", arguments: [
        RenderCase("{{$x := \"output\" | printf \"%q\"}}{{$x}}", "\"output\""),
        RenderCase("{{with $x := \"output\"}}{{printf \"%q\" $x}}{{end}}", "\"output\""),
        RenderCase("{{with $x := \"output\"}}{{$x | printf \"%q\"}}{{end}}", "\"output\""),
        RenderCase("a{{$x := 1}}b", "ab"),
        RenderCase("{{$x := print 1 2}}{{$x}}", "1 2"),
    ])
    func declarations(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Custom functions are callable like builtins", arguments: [
        RenderCase("{{upper \"abc\"}}", "ABC"),
        RenderCase("{{default \"x\" .Args.sidecar.image}}", "envoy:v1"),
        RenderCase("{{default \"x\" .missing}}", "<no value>"),
        RenderCase("{{one .Service}}", "map[Enabled:true Env:[A=1 B=2] Image:nginx:1.25 Labels:map[app:web empty: tier:front] Name:web Nil:<nil> Ports:[80 443] Ratio:0.5 Replicas:3]"),
        RenderCase("{{none}}", "<no value>"),
        RenderCase("{{print (none)}}", "<nil>"),
        RenderCase("{{list 1 \"a\" nil}}", "[1 a <nil>]"),
        RenderCase("{{len (list 1 2 3)}}", "3"),
        RenderCase("{{(list .Service).x}}", "ERROR: template: t:1:8: executing \"t\" at <.Service>: can't evaluate field x in type []interface {}"),
        RenderCase("{{one nil}}", "<no value>"),
        RenderCase("{{upper .nil}}", "<NIL>"),
        RenderCase("{{upper .missing}}", "<NIL>"),
    ])
    func customFunctions(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Call errors use Go's wording and point at the command", arguments: [
        RenderCase("{{fail}}", "ERROR: template: t:1:2: executing \"t\" at <fail>: error calling fail: boom"),
        RenderCase("{{fail 1 2}}", "ERROR: template: t:1:2: executing \"t\" at <fail 1 2>: error calling fail: boom"),
        RenderCase("{{upper}}", "ERROR: template: t:1:2: executing \"t\" at <upper>: wrong number of args for upper: want 1 got 0"),
        RenderCase("{{upper 1 2}}", "ERROR: template: t:1:2: executing \"t\" at <upper>: wrong number of args for upper: want 1 got 2"),
        RenderCase("{{1 | upper 2}}", "ERROR: template: t:1:6: executing \"t\" at <upper>: wrong number of args for upper: want 1 got 2"),
        RenderCase("{{none 1}}", "ERROR: template: t:1:2: executing \"t\" at <none>: wrong number of args for none: want 0 got 1"),
        RenderCase("{{len}}", "ERROR: template: t:1:2: executing \"t\" at <len>: wrong number of args for len: want 1 got 0"),
        RenderCase("{{len 1 2}}", "ERROR: template: t:1:2: executing \"t\" at <len>: wrong number of args for len: want 1 got 2"),
        RenderCase("{{not}}", "ERROR: template: t:1:2: executing \"t\" at <not>: wrong number of args for not: want 1 got 0"),
        RenderCase("{{and}}", "ERROR: template: t:1:2: executing \"t\" at <and>: wrong number of args for and: want at least 1 got 0"),
        RenderCase("{{or}}", "ERROR: template: t:1:2: executing \"t\" at <or>: wrong number of args for or: want at least 1 got 0"),
        RenderCase("{{eq}}", "ERROR: template: t:1:2: executing \"t\" at <eq>: wrong number of args for eq: want at least 1 got 0"),
        RenderCase("{{ne 1}}", "ERROR: template: t:1:2: executing \"t\" at <ne>: wrong number of args for ne: want 2 got 1"),
        RenderCase("{{index}}", "ERROR: template: t:1:2: executing \"t\" at <index>: wrong number of args for index: want at least 1 got 0"),
        RenderCase("{{printf}}", "ERROR: template: t:1:2: executing \"t\" at <printf>: wrong number of args for printf: want at least 1 got 0"),
        RenderCase("{{printf 1}}", "ERROR: template: t:1:9: executing \"t\" at <1>: expected string; found 1"),
        RenderCase("{{printf .int}}", "ERROR: template: t:1:9: executing \"t\" at <.int>: wrong type for value; expected string; got int"),
        RenderCase("{{printf .missing}}", "ERROR: template: t:1:9: executing \"t\" at <.missing>: invalid value; expected string"),
        RenderCase("{{printf .nil}}", "ERROR: template: t:1:9: executing \"t\" at <.nil>: wrong type for value; expected string; got interface {}"),
        RenderCase("{{printf nil}}", "ERROR: template: t:1:9: executing \"t\" at <nil>: cannot assign nil to string"),
        RenderCase("{{printf true}}", "ERROR: template: t:1:9: executing \"t\" at <true>: expected string; found true"),
        RenderCase("{{nofunc}}", "ERROR: template: t:1: function \"nofunc\" not defined"),
        RenderCase("{{.str | nofunc}}", "ERROR: template: t:1: function \"nofunc\" not defined"),
        RenderCase("{{\"x\" | \"y\"}}", "ERROR: template: t:1: non executable command in pipeline stage 2"),
        RenderCase("{{.str | 1}}", "ERROR: template: t:1: non executable command in pipeline stage 2"),
        RenderCase("{{.str | nil}}", "ERROR: template: t:1: non executable command in pipeline stage 2"),
        RenderCase("{{(1) 2}}", "ERROR: template: t:1:2: executing \"t\" at <(1) 2>: can't give argument to non-function 1"),
        RenderCase("{{\"a\" 1}}", "ERROR: template: t:1:2: executing \"t\" at <\"a\">: can't give argument to non-function \"a\""),
        RenderCase("{{nil}}", "ERROR: template: t:1:2: executing \"t\" at <nil>: nil is not a command"),
        RenderCase("{{1 | printf \"%d\" | 2}}", "ERROR: template: t:1: non executable command in pipeline stage 3"),
        RenderCase("{{|}}", "ERROR: template: t:1: unexpected \"|\" in command"),
        RenderCase("{{.str |}}", "héllo"),
        RenderCase("{{()}}", "ERROR: template: t:1: missing value for parenthesized pipeline"),
        RenderCase("{{print (fail)}}", "ERROR: template: t:1:9: executing \"t\" at <fail>: error calling fail: boom"),
    ])
    func callErrors(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }
}
