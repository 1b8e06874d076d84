/// `podlike settings` and the README's settings reference, generated from the
/// handlers' own descriptors so that neither can go stale.
public enum SettingsReference {
    public static func text(_ registry: HandlerRegistry) -> String {
        let supported = registry.handlers.filter(\.descriptor.isSupported)
        let unsupported = registry.handlers.filter { !$0.descriptor.isSupported }
        let width = registry.handlers.map { $0.descriptor.key.count }.max() ?? 0
        func line(_ key: String, _ text: String) -> String {
            "  " + key + String(repeating: " ", count: width - key.count + 2) + text
        }
        var lines = ["Supported component settings (\(supported.count)):"]
        lines += supported.map { line(keyWithAliases($0.descriptor), $0.descriptor.text) }
        lines += ["", "Unsupported settings, rejected with the reason (\(unsupported.count)):"]
        lines += unsupported.map { line($0.descriptor.key, $0.descriptor.text) }
        lines += ["", "Checked between settings, as the engine checks them:"]
        lines += registry.checks.map { line($0.descriptor.name, $0.descriptor.summary) }
        lines += ["", "Applied to every component by the pod:"]
        lines += registry.podHandlers.map { line($0.name, $0.summary) }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ registry: HandlerRegistry) -> String {
        var lines = ["| key | what it does |", "|---|---|"]
        for handler in registry.handlers where handler.descriptor.isSupported {
            lines.append("| `\(keyWithAliases(handler.descriptor))` | \(escape(handler.descriptor.text)) |")
        }
        lines += ["", "Rejected, with the reason and what to do instead:", "", "| key | why a pod can't honour it |", "|---|---|"]
        for handler in registry.handlers where !handler.descriptor.isSupported {
            lines.append("| `\(handler.descriptor.key)` | \(escape(handler.descriptor.text)) |")
        }
        lines += ["", "Checked between settings, before anything is created, as the engine checks them:", "", "| check | rule |", "|---|---|"]
        for check in registry.checks {
            lines.append("| \(check.descriptor.name) | \(escape(check.descriptor.summary)) |")
        }
        lines += ["", "Applied to every component by the pod:", "", "| part | what it does |", "|---|---|"]
        for handler in registry.podHandlers {
            lines.append("| \(handler.name) | \(escape(handler.summary)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func keyWithAliases(_ descriptor: SettingDescriptor) -> String {
        ([descriptor.key] + descriptor.aliases).joined(separator: ", ")
    }

    private static func escape(_ text: String) -> String {
        text.replacing("|", with: "\\|")
    }
}
