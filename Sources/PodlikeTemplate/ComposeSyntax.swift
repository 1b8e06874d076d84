#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Podlike

/// The short Compose spellings docker/cli's loader expanded, which the
/// original's output shows expanded: shell-split commands, port and volume
/// strings, Go durations.
enum ComposeSyntax {
    /// `go-shellwords`, as docker/cli split commands: spaces separate words,
    /// quotes group them, a backslash escapes the next character outside single
    /// quotes. Not `ShellWords`, which is POSIX: inside double quotes it keeps
    /// a backslash before an ordinary character, where go-shellwords drops it.
    static func shellSplit(_ text: String) throws(TemplateFailure) -> [String] {
        var words: [String] = []
        var current = ""
        var got = false, single = false, double = false, escaped = false
        for character in text {
            if escaped { current.append(character); escaped = false; got = true; continue }
            if character == "\\" && !single { escaped = true; continue }
            if character == "\\" { current.append(character); continue }
            if character == " " || character == "\t" || character == "\n" || character == "\r" {
                if single || double { current.append(character) } else if got { words.append(current); current = ""; got = false }
                continue
            }
            if character == "\"" && !single { double.toggle(); got = true; continue }
            if character == "'" && !double { single.toggle(); got = true; continue }
            current.append(character)
            got = true
        }
        if single || double || escaped { throw TemplateFailure("unterminated quote in the command \(text.debugDescription)") }
        if got { words.append(current) }
        return words
    }

    /// `8080:80`, `127.0.0.1:8080:80/udp`, `:8500`, `80`, `8000-8001:80-81`.
    static func ports(_ spec: String) throws(TemplateFailure) -> [StackValue] {
        var body = spec
        var proto = "tcp"
        if let slash = body.lastIndex(of: "/") { proto = String(body[body.index(after: slash)...]); body = String(body[..<slash]) }
        var parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 2 { parts = Array(parts.suffix(2)) }
        let targetText = parts.last ?? ""
        let publishedText = parts.count == 2 ? parts[0] : ""
        let targets = try range(targetText, in: spec)
        let published = publishedText.isEmpty ? [] : try range(publishedText, in: spec)
        if !published.isEmpty && published.count != targets.count && published.count != 1 {
            throw TemplateFailure("the port ranges in \(spec.debugDescription) differ in length")
        }
        return targets.enumerated().map { index, target in
            var port = StackMap([("mode", .string("ingress")), ("target", .int(target))])
            if !published.isEmpty {
                let value = published.count == 1 ? published[0] + (targets.count > 1 ? 0 : 0) : published[index]
                if value != 0 { port["published"] = .int(value) }
            }
            port["protocol"] = .string(proto)
            return .map(port)
        }
    }

    private static func range(_ text: String, in spec: String) throws(TemplateFailure) -> [Int] {
        let bounds = text.split(separator: "-").map { Int($0) }
        guard !bounds.isEmpty, bounds.allSatisfy({ $0 != nil }) else {
            throw TemplateFailure("invalid port \(spec.debugDescription): expected [[IP:]PUBLISHED:]TARGET[/PROTOCOL]")
        }
        let numbers = bounds.map { $0! }
        if numbers.count == 2, numbers[0] <= numbers[1] { return Array(numbers[0]...numbers[1]) }
        return [numbers[0]]
    }

    /// `src:dst:ro`, `name:/path:nocopy`, `/path`: a bind when the source
    /// starts with `.`, `/` or `~`, else a named volume.
    static func volume(_ spec: String, workingDirectory: String) -> StackValue {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var volume = StackMap()
        if parts.count == 1 {
            volume["type"] = .string("volume")
            volume["target"] = .string(spec)
            return .map(volume)
        }
        var source = parts[0]
        let isBind = source.hasPrefix(".") || source.hasPrefix("/") || source.hasPrefix("~")
        if isBind, source.hasPrefix(".") {
            source = LexicalPath.cleaned(LexicalPath.joining(workingDirectory, source))
        }
        volume["type"] = .string(isBind ? "bind" : "volume")
        volume["source"] = .string(source)
        volume["target"] = .string(parts[1])
        let options = parts.count > 2 ? parts[2].split(separator: ",").map(String.init) : []
        if options.contains("ro") { volume["read_only"] = .bool(true) }
        if let consistency = options.first(where: { ["cached", "delegated", "consistent"].contains($0) }) {
            volume["consistency"] = .string(consistency)
        }
        if let propagation = options.first(where: { ["shared", "rshared", "slave", "rslave", "private", "rprivate"].contains($0) }) {
            volume["bind"] = .map(StackMap([("propagation", .string(propagation))]))
        }
        if options.contains("nocopy") { volume["volume"] = .map(StackMap([("nocopy", .bool(true))])) }
        return .map(volume)
    }

    /// Go's `time.ParseDuration`, in nanoseconds: Compose's durations
    /// (`ComposeDuration`), with a sign allowed and a bare number other than 0 refused.
    static func duration(_ text: String) throws(TemplateFailure) -> Int64 {
        var rest = Substring(text)
        var sign: Int64 = 1
        if rest.first == "-" { sign = -1; rest = rest.dropFirst() } else if rest.first == "+" { rest = rest.dropFirst() }
        if rest == "0" { return 0 }
        guard Double(rest) == nil, let nanoseconds = ComposeDuration.nanoseconds(String(rest)) else {
            throw TemplateFailure("invalid duration \(text.debugDescription): write it like 10s, 1m30s or 500ms")
        }
        return sign * nanoseconds
    }

    /// Go's `time.Duration.String()`: `1m30s`, `500ms`, `0s`.
    static func goDuration(_ nanos: Int64) -> String {
        if nanos == 0 { return "0s" }
        let negative = nanos < 0
        let value = negative ? -nanos : nanos
        var text: String
        if value < 1_000_000_000 {
            let (unit, scale): (String, Int64) = value < 1_000 ? ("ns", 1) : value < 1_000_000 ? ("µs", 1_000) : ("ms", 1_000_000)
            text = fraction(value, scale) + unit
        } else {
            let hours = value / 3_600_000_000_000
            let minutes = (value / 60_000_000_000) % 60
            let seconds = value % 60_000_000_000
            text = fraction(seconds, 1_000_000_000) + "s"
            if hours > 0 || minutes > 0 { text = "\(minutes)m" + text }
            if hours > 0 { text = "\(hours)h" + text }
        }
        return negative ? "-" + text : text
    }

    private static func fraction(_ value: Int64, _ scale: Int64) -> String {
        let whole = value / scale
        var remainder = value % scale
        guard remainder != 0 else { return String(whole) }
        var digits = ""
        var place = scale / 10
        while remainder != 0 && place > 0 {
            digits.append(Character(String(remainder / place)))
            remainder %= place
            place /= 10
        }
        return "\(whole).\(digits)"
    }
}
