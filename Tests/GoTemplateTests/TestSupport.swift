import GoTemplate
import Testing

/// Data shaped like a decoded Compose file plus assorted scalars, shared by
/// the table-driven tests so each case only states a template and a result.
enum Fixture {
    static let data: TemplateValue = [
        "Service": [
            "Name": "web",
            "Image": "nginx:1.25",
            "Labels": ["app": "web", "tier": "front", "empty": ""],
            "Ports": [80, 443],
            "Replicas": 3,
            "Ratio": 0.5,
            "Enabled": true,
            "Env": ["A=1", "B=2"],
            "Nil": nil,
        ],
        "Args": ["sidecar": ["image": "envoy:v1"]],
        "str": "héllo",
        "empty": "",
        "int": 42,
        "neg": -7,
        "zero": 0,
        "float": 2.5,
        "whole": 3.0,
        "big": 1e6,
        "yes": true,
        "no": false,
        "nil": nil,
        "list": ["a", "b", "c"],
        "nums": [3, 1, 2],
        "emptyList": [],
        "emptyMap": [:],
        "nested": [[1, 2], ["k": "v"], nil],
        "items": [["name": "a", "v": 1], ["name": "b", "v": nil]],
    ]

    /// Functions the tests install; Go equivalents behave identically.
    static let functions: [String: TemplateFunction] = [
        "default": TemplateFunction("default") { args in args.last ?? .null },
        "upper": TemplateFunction("upper", arity: .exactly(1)) { args in
            .string(args[0].description.uppercased())
        },
        "fail": TemplateFunction("fail") { _ in throw TemplateFunctionError("boom") },
        "one": TemplateFunction("one", arity: .exactly(1)) { args in args[0] },
        "none": TemplateFunction("none", arity: .exactly(0)) { _ in .null },
        "list": TemplateFunction("list") { args in .list(args) },
    ]

    /// The fixture plus function values, for `call` tests.
    static var dataWithFunctions: TemplateValue {
        guard case .map(var map) = data else { return data }
        map["Fn"] = .function(TemplateFunction("Fn") { args in .string("fn" + TemplateValue.list(args).description) })
        map["Fn2"] = .function(TemplateFunction("Fn2", arity: .exactly(2)) { args in
            .string(args[0].description + "+" + args[1].description)
        })
        map["FnErr"] = .function(TemplateFunction("FnErr") { _ in throw TemplateFunctionError("bad call") })
        return .map(map)
    }
}

/// Renders `text` as template `name`; returns the output, or `ERROR: ` and
/// the error's description, so tables can hold either outcome.
func render(
    _ text: String, data: TemplateValue = Fixture.data, name: String = "t",
    missingKey: MissingKeyAction = .invalid
) -> String {
    do {
        var template = try Template(name: name, text: text, functions: Fixture.functions)
        template.missingKey = missingKey
        return try template.execute(data)
    } catch {
        return "ERROR: \(error)"
    }
}

/// One row of a rendering table: a template and what it must produce.
struct RenderCase: Sendable, CustomTestStringConvertible {
    let template: String
    let expected: String

    init(_ template: String, _ expected: String) {
        self.template = template
        self.expected = expected
    }

    var testDescription: String { template }
}
