/// The original podlike was written in Go and took flags as `-logs`,
/// `-pids=false` or `-volumes=true`. Existing stacks pass them that way, so they
/// are rewritten into this tool's spelling (`--logs`, `--no-pids`, `--volumes`)
/// before parsing.
public enum LegacyFlagSpelling {
    /// Boolean flags that have a `--no-` form.
    public static let invertible: Set<String> = ["pids", "ipc", "volumes"]
    /// Boolean flags that are only ever switched on.
    public static let switches: Set<String> = ["logs", "pull"]

    public struct InvalidValue: Error, CustomStringConvertible {
        public var argument: String
        public var description: String {
            "\(argument): expected true or false after \"=\", for example \(argument.split(separator: "=")[0])=false"
        }
    }

    public static func normalize(_ arguments: [String]) throws -> [String] {
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--" {
                return result + arguments[index...]
            }
            result.append(contentsOf: try rewrite(argument))
        }
        return result
    }

    private static func rewrite(_ argument: String) throws -> [String] {
        guard argument.hasPrefix("-"), argument.count > 2 else { return [argument] }
        let body = argument.hasPrefix("--") ? argument.dropFirst(2) : argument.dropFirst()
        let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard invertible.contains(name) || switches.contains(name) else { return [argument] }
        guard parts.count == 2 else { return ["--\(name)"] }
        switch parts[1].lowercased() {
        case "true", "1", "yes": return ["--\(name)"]
        case "false", "0", "no": return invertible.contains(name) ? ["--no-\(name)"] : []
        default: throw InvalidValue(argument: argument)
        }
    }
}
