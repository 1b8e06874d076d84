import Podlike
import PodlikeYAML

/// `env_file` → `Env`: one path or a list of them, relative to the directory the
/// pod's settings come from. Files are read in order and a later file wins over an
/// earlier one; `environment` wins over every file, whichever key comes first. A
/// name without a value takes the controller's own value, or is left out.
struct EnvFileHandler: SettingHandler {
    static let pathExpectation = #"a path like "app.env""#

    let descriptor = SettingDescriptor(
        key: "env_file",
        summary: "files of KEY=value lines added to the environment; later files win, and environment wins over all",
        examples: [
            SettingExample("env_file: app.env", .request(#"{"Env": ["MODE=dev", "LEVEL=info", "QUOTED=a b"]}"#)),
            SettingExample("env_file: [app.env, prod.env]", .request(#"{"Env": ["MODE=prod", "LEVEL=info", "QUOTED=a b"]}"#)),
            SettingExample("env_file: passthrough.env", .request(#"{"Env": ["FROM_CONTROLLER=yes", "MODE=dev"]}"#)),
            SettingExample("{environment: {MODE: test}, env_file: [app.env, prod.env]}", .request(#"{"Env": ["MODE=test", "LEVEL=info", "QUOTED=a b"]}"#)),
            SettingExample("{env_file: prod.env, environment: {MODE: test}}", .request(#"{"Env": ["MODE=test"]}"#)),
            SettingExample("env_file: missing.env", .error(#"env_file "missing.env" not found: there is no file at "#)),
            SettingExample("env_file: [app.env, broken.env]", .error(#"env_file "broken.env", line 3: expected KEY=value, got "not a setting""#)),
            SettingExample("env_file: {path: app.env}", .error(#"expected a path like "app.env" or a list of paths, got a mapping"#)),
            SettingExample("env_file: [app.env, '']", .error(#"expected a path like "app.env", got an empty value"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let pathNodes: [Node]
        switch value {
        case .scalar where !value.isNull: pathNodes = [value]
        case .sequence(let items): pathNodes = Array(items)
        default: throw SettingProblem.expected("\(Self.pathExpectation) or a list of paths", got: value)
        }

        // Merge the files first, so that a later file wins among them while
        // `environment` (set with overwrite) still wins over all of them.
        var merged: [(key: String, value: String)] = []
        for node in pathNodes {
            for entry in try entries(of: node, context: context) {
                guard let text = entry.value ?? context.processEnvironment[entry.key] else { continue }
                if let index = merged.firstIndex(where: { $0.key == entry.key }) {
                    merged[index].value = text
                } else {
                    merged.append((entry.key, text))
                }
            }
        }
        for (key, text) in merged {
            spec.request.setEnvironment(key, text, overwrite: false)
        }
    }

    private func entries(of node: Node, context: SettingContext) throws(SettingProblem) -> [KeyValueList.Entry] {
        let path = try node.nonEmptyText(expected: Self.pathExpectation)
        let contents = try context.readTextFile(path, what: "env_file", at: node)
        do {
            return try EnvFile.parse(contents)
        } catch {
            throw SettingProblem(
                "env_file \"\(path)\", line \(error.line): expected KEY=value, got \"\(error.text)\"", at: node)
        }
    }
}
