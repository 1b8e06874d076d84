#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
/// Compose's variable substitution, which docker/cli's loader applied to the
/// stack before the original read `.Service`: `$$` is a `$`, `${VAR}`,
/// `${VAR:-default}` and `$VAR` are the environment's values.
struct Interpolation: Sendable {
    let environment: [String: String]

    func apply(_ value: StackValue) throws(TemplateFailure) -> StackValue {
        switch value {
        case .string(let text): return .string(try substitute(text))
        case .list(let list):
            var out: [StackValue] = []
            for item in list { out.append(try apply(item)) }
            return .list(out)
        case .map(let map):
            var out = StackMap()
            for (key, entry) in map.pairs { out[key] = try apply(entry) }
            return .map(out)
        default: return value
        }
    }

    func substitute(_ text: String) throws(TemplateFailure) -> String {
        guard text.contains("$") else { return text }
        var output = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" { output += "$"; rest = rest.dropFirst(); continue }
            if rest.first == "{" {
                guard let close = rest.firstIndex(of: "}") else {
                    throw TemplateFailure("invalid interpolation in \(text.debugDescription): a `${` without `}`; write `$$` for a literal `$`")
                }
                let body = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                output += try expand(body, in: text)
                continue
            }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if name.isEmpty { output += "$"; continue }
            rest = rest.dropFirst(name.count)
            output += environment[String(name)] ?? ""
        }
        return output + rest
    }

    private func expand(_ body: Substring, in text: String) throws(TemplateFailure) -> String {
        for separator in [":-", "-", ":?", "?"] {
            guard let range = body.firstRange(of: separator) else { continue }
            let name = String(body[..<range.lowerBound]), argument = String(body[range.upperBound...])
            let value = environment[name]
            let unset = separator.hasPrefix(":") ? (value ?? "").isEmpty : value == nil
            if separator.hasSuffix("-") { return unset ? argument : value! }
            if unset { throw TemplateFailure("required variable \(name) is missing a value: \(argument)") }
            return value!
        }
        return environment[String(body)] ?? ""
    }
}
