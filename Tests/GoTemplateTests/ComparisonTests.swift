import GoTemplate
import Testing

@Suite("Comparison functions eq, ne, lt, le, gt, ge")
struct ComparisonTests {
    @Test("Equality on basic kinds, with eq accepting several candidates", arguments: [
        RenderCase("{{eq 1 1}}", "true"),
        RenderCase("{{eq 1 2}}", "false"),
        RenderCase("{{eq 1 2 3 1}}", "true"),
        RenderCase("{{eq \"a\" \"a\"}}", "true"),
        RenderCase("{{eq \"a\" \"b\" \"a\"}}", "true"),
        RenderCase("{{eq true true}}", "true"),
        RenderCase("{{eq 1.5 1.5}}", "true"),
        RenderCase("{{ne 1 2}}", "true"),
        RenderCase("{{ne \"a\" \"a\"}}", "false"),
        RenderCase("{{eq .Service.Name \"web\"}}", "true"),
        RenderCase("{{eq .Service.Replicas 3}}", "true"),
        RenderCase("{{eq (index .str 0) 104}}", "true"),
        RenderCase("{{eq .missing nil}}", "true"),
        RenderCase("{{eq .missing 1}}", "false"),
        RenderCase("{{eq 1 .missing}}", "false"),
        RenderCase("{{eq nil nil}}", "true"),
        RenderCase("{{eq .nil .missing}}", "true"),
        RenderCase("{{ne .missing \"x\"}}", "true"),
        RenderCase("{{eq .list nil}}", "false"),
        RenderCase("{{eq nil .list}}", "false"),
        RenderCase("{{eq \"é\" \"é\"}}", "true"),
    ])
    func equality(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Ordering on ints, floats and strings", arguments: [
        RenderCase("{{lt 1 2}}", "true"),
        RenderCase("{{lt 2 1}}", "false"),
        RenderCase("{{le 2 2}}", "true"),
        RenderCase("{{gt \"b\" \"a\"}}", "true"),
        RenderCase("{{ge 1.5 2.5}}", "false"),
        RenderCase("{{gt 3 2}}", "true"),
        RenderCase("{{ge 2 2}}", "true"),
        RenderCase("{{le 3 2}}", "false"),
        RenderCase("{{lt \"a\" \"ab\"}}", "true"),
        RenderCase("{{lt \"Z\" \"a\"}}", "true"),
        RenderCase("{{lt -1 0}}", "true"),
        RenderCase("{{lt .Service.Replicas 5}}", "true"),
        RenderCase("{{gt (len .list) 2}}", "true"),
        RenderCase("{{lt \"é\" \"z\"}}", "false"),
    ])
    func ordering(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }

    @Test("Mismatched or non-basic kinds are errors, as in Go 1.18+", arguments: [
        RenderCase("{{eq 1 1.0}}", "ERROR: template: t:1:2: executing \"t\" at <eq 1 1.0>: error calling eq: incompatible types for comparison: int and float64"),
        RenderCase("{{eq \"1\" 1}}", "ERROR: template: t:1:2: executing \"t\" at <eq \"1\" 1>: error calling eq: incompatible types for comparison: string and int"),
        RenderCase("{{lt 1 \"a\"}}", "ERROR: template: t:1:2: executing \"t\" at <lt 1 \"a\">: error calling lt: incompatible types for comparison: int and string"),
        RenderCase("{{eq .yes 1}}", "ERROR: template: t:1:2: executing \"t\" at <eq .yes 1>: error calling eq: incompatible types for comparison: bool and int"),
        RenderCase("{{lt true false}}", "ERROR: template: t:1:2: executing \"t\" at <lt true false>: error calling lt: invalid type for comparison"),
        RenderCase("{{lt .list 1}}", "ERROR: template: t:1:2: executing \"t\" at <lt .list 1>: error calling lt: invalid type for comparison"),
        RenderCase("{{lt .missing 1}}", "ERROR: template: t:1:2: executing \"t\" at <lt .missing 1>: error calling lt: invalid type for comparison"),
        RenderCase("{{lt nil nil}}", "ERROR: template: t:1:2: executing \"t\" at <lt nil nil>: error calling lt: invalid type for comparison"),
        RenderCase("{{eq .list .list}}", "ERROR: template: t:1:2: executing \"t\" at <eq .list .list>: error calling eq: non-comparable type [a b c]: []interface {}"),
        RenderCase("{{eq .Service.Labels .Service.Labels}}", "ERROR: template: t:1:2: executing \"t\" at <eq .Service.Labels .Service.Labels>: error calling eq: non-comparable type map[app:web empty: tier:front]: map[string]interface {}"),
        RenderCase("{{eq .list .Service.Labels}}", "ERROR: template: t:1:2: executing \"t\" at <eq .list .Service.Labels>: error calling eq: non-comparable types [a b c]: []interface {}, map[string]interface {}: map[app:web empty: tier:front]"),
        RenderCase("{{eq .list 1}}", "ERROR: template: t:1:2: executing \"t\" at <eq .list 1>: error calling eq: incompatible types for comparison: []interface {} and int"),
        RenderCase("{{eq 1}}", "ERROR: template: t:1:2: executing \"t\" at <eq 1>: error calling eq: missing argument for comparison"),
        RenderCase("{{ne 1}}", "ERROR: template: t:1:2: executing \"t\" at <ne>: wrong number of args for ne: want 2 got 1"),
        RenderCase("{{ne 1 2 3}}", "ERROR: template: t:1:2: executing \"t\" at <ne>: wrong number of args for ne: want 2 got 3"),
        RenderCase("{{lt 1}}", "ERROR: template: t:1:2: executing \"t\" at <lt>: wrong number of args for lt: want 2 got 1"),
        RenderCase("{{ge 1 2.0}}", "ERROR: template: t:1:2: executing \"t\" at <ge 1 2.0>: error calling ge: incompatible types for comparison: int and float64"),
        RenderCase("{{le 1 \"x\"}}", "ERROR: template: t:1:2: executing \"t\" at <le 1 \"x\">: error calling le: incompatible types for comparison: int and string"),
        RenderCase("{{gt 1.5 1}}", "ERROR: template: t:1:2: executing \"t\" at <gt 1.5 1>: error calling gt: incompatible types for comparison: float64 and int"),
    ])
    func comparisonErrors(_ row: RenderCase) {
        #expect(render(row.template) == row.expected)
    }
}
