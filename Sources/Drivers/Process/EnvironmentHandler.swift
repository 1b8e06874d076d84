import Podlike
import PodlikeYAML

/// `environment` as a mapping or a `KEY=value` list → `Env`. It wins over
/// `env_file`. A name without a value takes the controller's own value, as Compose
/// takes the shell's, and is left out when the controller has none.
struct EnvironmentHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "environment",
        summary: "environment variables, as a mapping or a list of KEY=value; they win over env_file",
        examples: [
            SettingExample("environment: {MODE: prod, WORKERS: 4, DEBUG: false}", .request(#"{"Env": ["MODE=prod", "WORKERS=4", "DEBUG=false"]}"#)),
            SettingExample("environment: [MODE=prod, 'GREETING=a=b']", .request(#"{"Env": ["MODE=prod", "GREETING=a=b"]}"#)),
            SettingExample("environment: {EMPTY: ''}", .request(#"{"Env": ["EMPTY="]}"#)),
            SettingExample("environment: {'A=B': c}", .error(#"the name "A=B" can't contain "=": the engine would read it as A=B=c; write {A: B=c} if that was meant"#)),
            SettingExample("environment: {'': c}", .error("a name can't be empty")),
            SettingExample("environment: ['=x']", .error(#""=x" has no name before "=""#)),
            SettingExample("environment: prod", .error(#"expected a mapping like {MODE: prod} or a list of "KEY=value", got "prod""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        for entry in try KeyValueList.parse(value, example: "{MODE: prod}") {
            if entry.key.contains("=") {
                let written = value.mapping?.keys.first { $0.string == entry.key }
                let rest = entry.key.drop { $0 != "=" }.dropFirst()
                throw SettingProblem("""
                    the name "\(entry.key)" can't contain "=": the engine would read it as \(entry.key)=\(entry.value ?? ""); \
                    write {\(entry.key.prefix { $0 != "=" }): \(rest)=\(entry.value ?? "")} if that was meant
                    """, at: written ?? value)
            }
            guard let text = entry.value ?? context.processEnvironment[entry.key] else { continue }
            spec.request.setEnvironment(entry.key, text)
        }
    }
}
