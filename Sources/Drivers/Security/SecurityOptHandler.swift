#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Podlike
import PodlikeYAML

/// `security_opt` → `HostConfig.SecurityOpt`: `no-new-privileges[=true|false]`,
/// `label=…`, `apparmor=…`, `seccomp=…` and, on Windows, `credentialspec=…`.
/// As the Docker CLI does, `seccomp=<file>` is read (relative to the pod's
/// settings) and sent as compact JSON; `seccomp=unconfined` is sent as is. The
/// old `key:value` spelling is accepted with a warning.
struct SecurityOptHandler: SettingHandler {
    static let keys = ["apparmor", "credentialspec", "label", "no-new-privileges", "seccomp"]
    static let expectation = #"an option like "no-new-privileges", "label=disable", "apparmor=PROFILE" or "seccomp=unconfined""#

    let descriptor = SettingDescriptor(
        key: "security_opt",
        summary: "security options: no-new-privileges, SELinux labels, AppArmor and seccomp profiles",
        examples: [
            SettingExample("security_opt: [no-new-privileges]", .request(#"{"HostConfig": {"SecurityOpt": ["no-new-privileges"]}}"#)),
            SettingExample("security_opt: ['label=type:container_runtime_t', apparmor=unconfined, seccomp=unconfined]",
                           .request(#"{"HostConfig": {"SecurityOpt": ["label=type:container_runtime_t", "apparmor=unconfined", "seccomp=unconfined"]}}"#)),
            SettingExample("security_opt: [seccomp=seccomp.json]", .request(#"{"HostConfig": {"SecurityOpt": ["seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\"}"]}}"#)),
            SettingExample("security_opt: ['no-new-privileges:true', 'label:disable']",
                           .warning(#"security_opt "no-new-privileges:true" uses the old ":" separator; write "no-new-privileges=true""#,
                                    request: #"{"HostConfig": {"SecurityOpt": ["no-new-privileges=true", "label=disable"]}}"#)),
            SettingExample("security_opt: [seccomp=missing.json]", .error(#"seccomp profile "missing.json" not found: there is no file at "#)),
            SettingExample("security_opt: [seccomp=seccomp.yaml]", .error(#"seccomp profile "seccomp.yaml" is not a JSON object; write the profile in JSON, or use "seccomp=unconfined""#)),
            SettingExample("security_opt: [seccom=unconfined]", .error(#"expected an option like "no-new-privileges", "label=disable", "apparmor=PROFILE" or "seccomp=unconfined", got "seccom=unconfined"; did you mean "seccomp"?"#)),
            SettingExample("security_opt: [no-new-privileges=maybe]", .error(#"expected "no-new-privileges=true" or "no-new-privileges=false", got "no-new-privileges=maybe""#)),
            SettingExample("security_opt: no-new-privileges", .error(#"expected a list of options like [no-new-privileges, "label=disable"], got "no-new-privileges""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        guard case .sequence(let items) = value else {
            throw SettingProblem.expected(#"a list of options like [no-new-privileges, "label=disable"]"#, got: value)
        }
        var options: [String] = []
        for item in items {
            options.append(try option(item, spec: &spec, context: context))
        }
        spec.request.HostConfig.SecurityOpt = options
    }

    private func option(_ item: Node, spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) -> String {
        let written = try item.nonEmptyText(expected: Self.expectation)
        if written == "no-new-privileges" { return written }

        guard let index = written.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
            throw SettingProblem.expected(Self.expectation, got: item)
        }
        let separator = written[index]
        let key = String(written[..<index]), setting = String(written[written.index(after: index)...])
        guard Self.keys.contains(key) else {
            throw SettingProblem(
                "expected \(Self.expectation), got \(item.shortDescription)" + Suggestion.hint(for: key, in: Self.keys),
                at: item)
        }
        guard !setting.isEmpty else { throw SettingProblem.expected(Self.expectation, got: item) }
        if separator == ":" {
            spec.warnings.append("security_opt \"\(written)\" uses the old \":\" separator; write \"\(key)=\(setting)\"")
        }

        switch key {
        case "no-new-privileges" where !["true", "false"].contains(setting):
            throw SettingProblem.expected(#""no-new-privileges=true" or "no-new-privileges=false""#, got: item)
        case "seccomp" where setting != "unconfined":
            return "seccomp=" + (try seccompProfile(setting, context: context, at: item))
        default:
            return "\(key)=\(setting)"
        }
    }

    /// The profile file's JSON, compacted as the Docker CLI sends it.
    private func seccompProfile(_ path: String, context: SettingContext, at item: Node) throws(SettingProblem) -> String {
        let text = try context.readTextFile(path, what: "seccomp profile", at: item)
        guard (try? JSONDecoder().decode(JSONObjectShape.self, from: Data(text.utf8))) != nil else {
            throw SettingProblem(
                #"seccomp profile "\#(path)" is not a JSON object; write the profile in JSON, or use "seccomp=unconfined""#, at: item)
        }
        return Self.compacted(text)
    }

    /// JSON without the whitespace between its tokens, like Go's `json.Compact`.
    static func compacted(_ json: String) -> String {
        var result = ""
        var inString = false, escaped = false
        for char in json {
            if inString {
                if escaped {
                    escaped = false
                } else if char == "\\" {
                    escaped = true
                } else if char == "\"" {
                    inString = false
                }
            } else if char == "\"" {
                inString = true
            } else if char.isWhitespace {
                continue
            }
            result.append(char)
        }
        return result
    }
}

/// Decodes only from valid JSON whose top level is an object; the members are not read.
private struct JSONObjectShape: Decodable {
    private struct MemberName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: MemberName.self)
    }
}
