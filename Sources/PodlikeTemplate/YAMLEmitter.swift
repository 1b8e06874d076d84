#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GoTemplate

/// Writes a `StackValue` as block-style YAML, the way Go's `yaml.v2` lays a
/// document out: sequences in a mapping start at the key's indentation,
/// multi-line strings are literal blocks, and a string is quoted only when
/// plain text would read back as something else.
public enum YAMLEmitter {
    public static func emit(_ value: StackValue) -> String {
        var output = ""
        switch value {
        case .map(let map) where !map.isEmpty:
            writeMap(map, indent: 0, into: &output)
        case .list(let list) where !list.isEmpty:
            writeList(list, indent: 0, into: &output)
        default:
            output = inline(value, indent: 0) + "\n"
        }
        return output
    }

    private static func writeMap(_ map: StackMap, indent: Int, into output: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in map.pairs {
            output += pad + quoted(key) + ":"
            write(value, under: indent, listInMap: true, into: &output)
        }
    }

    private static func writeList(_ list: [StackValue], indent: Int, into output: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in list {
            output += pad + "-"
            switch item {
            case .map(let map) where !map.isEmpty:
                var nested = ""
                writeMap(map, indent: indent + 2, into: &nested)
                output += " " + nested.dropFirst(indent + 2)
            case .list(let inner) where !inner.isEmpty:
                var nested = ""
                writeList(inner, indent: indent + 2, into: &nested)
                output += " " + nested.dropFirst(indent + 2)
            default:
                write(item, under: indent, listInMap: false, into: &output)
            }
        }
    }

    /// The value after `key:` or `-`: nested collections on the next lines,
    /// scalars on the same one.
    private static func write(_ value: StackValue, under indent: Int, listInMap: Bool, into output: inout String) {
        switch value {
        case .map(let map) where !map.isEmpty:
            output += "\n"
            writeMap(map, indent: indent + 2, into: &output)
        case .list(let list) where !list.isEmpty:
            output += "\n"
            writeList(list, indent: listInMap ? indent : indent + 2, into: &output)
        case .string(let string) where isBlockCandidate(string):
            output += " " + literalBlock(string, indent: indent + 2)
        default:
            output += " " + inline(value, indent: indent) + "\n"
        }
    }

    private static func inline(_ value: StackValue, indent: Int) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .float(let double):
            if double.isNaN { return ".nan" }
            if double.isInfinite { return double > 0 ? ".inf" : "-.inf" }
            let text = TemplateValue.float(double).description  // strconv.FormatFloat(f, 'g', -1), as yaml.v2 writes it
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        case .string(let string): return quoted(string)
        case .list: return "[]"
        case .map: return "{}"
        }
    }

    /// `yaml.v2` writes a multi-line string as a literal block unless it has
    /// trailing spaces on a line, which a block can't keep.
    private static func isBlockCandidate(_ string: String) -> Bool {
        guard string.contains("\n") else { return false }
        let lines = string.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.contains(where: { $0.hasSuffix(" ") || $0.hasSuffix("\t") }) { return false }
        if string.hasPrefix(" ") || string.hasPrefix("\n") { return false }
        return !string.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }
    }

    private static func literalBlock(_ string: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var body = string
        var header = "|"
        if string.hasSuffix("\n\n") {
            header = "|+"
            body.removeLast()
        } else if string.hasSuffix("\n") {
            body.removeLast()
        } else {
            header = "|-"
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        return header + "\n" + lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n") + "\n"
    }

    /// A string as plain text when it reads back as the same string, else
    /// double-quoted with escapes.
    public static func quoted(_ string: String) -> String {
        needsQuotes(string) ? doubleQuoted(string) : string
    }

    static func needsQuotes(_ string: String) -> Bool {
        if string.isEmpty { return true }
        guard case .string = StackValue.resolve(.init(string)) else { return true }
        if string.first == " " || string.last == " " { return true }
        if let first = string.first, "-?:,[]{}#&*!|>'\"%@`".contains(first) {
            // "-x", "?x" and ":x" are plain when followed by a non-space; keep it simple and safe.
            if !("-:?".contains(first) && string.count > 1 && !string.dropFirst().hasPrefix(" ")) { return true }
            if string == "-" || string.hasPrefix("- ") { return true }
        }
        if string.contains(": ") || string.hasSuffix(":") || string.contains(" #") { return true }
        if string.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return true }
        return false
    }

    static func doubleQuoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
