#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GoTemplate

/// The original's own template functions, by its names and semantics
/// (`contains item target` is "target contains item").
enum PodFunctions {
    static var all: [String: TemplateFunction] {
        [
            "yaml": TemplateFunction("yaml", arity: .exactly(1)) { arguments in
                .string(YAMLEmitter.emit(TemplateValues.stack(arguments[0])))
            },
            "indent": TemplateFunction("indent", arity: .exactly(2)) { arguments in
                guard case .int(let count) = arguments[0] else { throw TemplateFunctionError("indent: the first argument must be a number of spaces") }
                let pad = String(repeating: " ", count: max(count, 0))
                return .string(try text(arguments[1], "indent").split(separator: "\n", omittingEmptySubsequences: false)
                    .map { pad + $0 }.joined(separator: "\n"))
            },
            "empty": TemplateFunction("empty", arity: .exactly(1)) { arguments in .bool(try length(arguments[0], "empty") == 0) },
            "notEmpty": TemplateFunction("notEmpty", arity: .exactly(1)) { arguments in .bool(try length(arguments[0], "notEmpty") != 0) },
            "contains": TemplateFunction("contains", arity: .exactly(2)) { arguments in
                let item = try text(arguments[0], "contains"), target = try text(arguments[1], "contains")
                return .bool(item.isEmpty || target.contains(item))
            },
            "startsWith": TemplateFunction("startsWith", arity: .exactly(2)) { arguments in
                .bool(try text(arguments[1], "startsWith").hasPrefix(try text(arguments[0], "startsWith")))
            },
            "replace": TemplateFunction("replace", arity: .exactly(4)) { arguments in
                guard case .int(let count) = arguments[2] else { throw TemplateFunctionError("replace: the third argument is how many to replace, -1 for all") }
                return .string(replace(try text(arguments[3], "replace"), try text(arguments[0], "replace"), try text(arguments[1], "replace"), count))
            },
        ]
    }

    private static func text(_ value: TemplateValue, _ function: String) throws -> String {
        guard case .string(let string) = value else { throw TemplateFunctionError("\(function): expected a string, got \(value)") }
        return string
    }

    /// Go's `reflect.Value.Len`: strings, lists and maps have one.
    private static func length(_ value: TemplateValue, _ function: String) throws -> Int {
        switch value {
        case .string(let string): return string.utf8.count
        case .list(let list): return list.count
        case .map(let map): return map.count
        // Go panics on a nil or a number; say what to pass instead.
        default: throw TemplateFunctionError("\(function): expected a list, a map or a string, got \(value)")
        }
    }

    /// Go's `strings.Replace`: the first `count` matches, or all when negative.
    static func replace(_ source: String, _ old: String, _ new: String, _ count: Int) -> String {
        guard !old.isEmpty, count != 0 else { return source }
        var result = ""
        var rest = Substring(source)
        var done = 0
        while count < 0 || done < count, let range = rest.firstRange(of: old) {
            result += rest[..<range.lowerBound] + new
            rest = rest[range.upperBound...]
            done += 1
        }
        return result + rest
    }
}
