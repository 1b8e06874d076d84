import GoTemplate
import Testing

@Suite("Printing values and truthiness")
struct ValuePrintingTests {
    @Test("Values print as Go's fmt.Print prints them", arguments: [
        RenderCase("{{.str}}", "héllo"),
        RenderCase("{{.int}}", "42"),
        RenderCase("{{.neg}}", "-7"),
        RenderCase("{{.float}}", "2.5"),
        RenderCase("{{.whole}}", "3"),
        RenderCase("{{.big}}", "1e+06"),
        RenderCase("{{.yes}} {{.no}}", "true false"),
        RenderCase("{{.list}}", "[a b c]"),
        RenderCase("{{.nums}}", "[3 1 2]"),
        RenderCase("{{.emptyList}}", "[]"),
        RenderCase("{{.emptyMap}}", "map[]"),
        RenderCase("{{.Service.Labels}}", "map[app:web empty: tier:front]"),
        RenderCase("{{.nested}}", "[[1 2] map[k:v] <nil>]"),
        RenderCase("{{.items}}", "[map[name:a v:1] map[name:b v:<nil>]]"),
        RenderCase("{{.Service}}", "map[Enabled:true Env:[A=1 B=2] Image:nginx:1.25 Labels:map[app:web empty: tier:front] Name:web Nil:<nil> Ports:[80 443] Ratio:0.5 Replicas:3]"),
        RenderCase("{{.nil}}", "<no value>"),
        RenderCase("{{.missing}}", "<no value>"),
        RenderCase("{{.Service.Nil}}", "<no value>"),
        RenderCase("{{index .nested 2}}", "<no value>"),
        RenderCase("{{print (index .nested 2)}}", "<nil>"),
        RenderCase("{{.}}", "map[Args:map[sidecar:map[image:envoy:v1]] Service:map[Enabled:true Env:[A=1 B=2] Image:nginx:1.25 Labels:map[app:web empty: tier:front] Name:web Nil:<nil> Ports:[80 443] Ratio:0.5 Replicas:3] big:1e+06 empty: emptyList:[] emptyMap:map[] float:2.5 int:42 items:[map[name:a v:1] map[name:b v:<nil>]] list:[a b c] neg:-7 nested:[[1 2] map[k:v] <nil>] nil:<nil> no:false nums:[3 1 2] str:héllo whole:3 yes:true zero:0]"),
    ])
    func printing(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Empty values are false; everything else is true", arguments: [
        RenderCase("{{if false}}T{{else}}F{{end}}", "F"),
        RenderCase("{{if 0}}T{{else}}F{{end}}", "F"),
        RenderCase("{{if 0.0}}T{{else}}F{{end}}", "F"),
        RenderCase("{{if \"\"}}T{{else}}F{{end}}", "F"),
        RenderCase("{{if .nil}}T{{else}}F{{end}}", "F"),
        RenderCase("{{if .missing}}T{{else}}F{{end}}", "F"),
        RenderCase("{{if .emptyList}}T{{else}}F{{end}}", "F"),
        RenderCase("{{if .emptyMap}}T{{else}}F{{end}}", "F"),
        RenderCase("{{if true}}T{{else}}F{{end}}", "T"),
        RenderCase("{{if -1}}T{{else}}F{{end}}", "T"),
        RenderCase("{{if 0.5}}T{{else}}F{{end}}", "T"),
        RenderCase("{{if \" \"}}T{{else}}F{{end}}", "T"),
        RenderCase("{{if .list}}T{{else}}F{{end}}", "T"),
        RenderCase("{{if .Service}}T{{else}}F{{end}}", "T"),
        RenderCase("{{if \"false\"}}T{{else}}F{{end}}", "T"),
        RenderCase("{{if (index .nested 2)}}T{{else}}F{{end}}", "F"),
        RenderCase("{{if .items}}T{{else}}F{{end}}", "T"),
    ])
    func truthiness(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Infinities and NaN print as Go prints them")
    func specialFloats() {
        let data: TemplateValue = ["inf": .float(.infinity), "ninf": .float(-.infinity), "nan": .float(.nan)]
        #expect(render("{{.inf}} {{.ninf}} {{.nan}}", data: data) == "+Inf -Inf NaN")
        #expect(render(#"{{printf "%5.1f|%-6v|%+v|% v|%06f" .inf .ninf .nan .nan .inf}}"#, data: data)
            == " +Inf|-Inf  |NaN| NaN|  +Inf")
    }

    @Test("The data itself can be a scalar, a list or nil")
    func scalarData() {
        #expect(render("{{.}}", data: "text") == "text")
        #expect(render("{{.}}|{{index . 1}}", data: [1, 2]) == "[1 2]|2")
        #expect(render("{{.}}|{{.x}}|{{$}}", data: nil) == "<no value>|<no value>|<no value>")
        #expect(render("{{.}}", data: 1.0) == "1")
        #expect(render("{{.x}}", data: "text").hasSuffix("can't evaluate field x in type string"))
    }

    @Test("TemplateValue's description is fmt.Sprint of the value")
    func valueDescription() {
        let value: TemplateValue = ["b": [1, 2.5, nil], "a": ["x": true]]
        #expect(value.description == "map[a:map[x:true] b:[1 2.5 <nil>]]")
        #expect(TemplateValue.null.description == "<nil>")
        #expect(TemplateValue.float(1e21).description == "1e+21")
    }
}
