import Podlike
import PodlikeYAML

/// `logging: {driver: json-file, options: {max-size: 10m}}` → `HostConfig.LogConfig`
/// (`Type` and `Config`, option values as text). Without a driver the engine's
/// default is used. With the `none` driver, `podlike --logs` has nothing to show.
struct LoggingHandler: SettingHandler {
    static let driverExpectation = #"a logging driver like "json-file", "local" or "syslog""#

    let descriptor = SettingDescriptor(
        key: "logging",
        summary: "the logging driver for the component's output, and its options",
        examples: [
            SettingExample("logging: {driver: json-file, options: {max-size: 10m, max-file: 3}}",
                           .request(#"{"HostConfig": {"LogConfig": {"Type": "json-file", "Config": {"max-size": "10m", "max-file": "3"}}}}"#)),
            SettingExample("logging: {driver: syslog, options: {syslog-address: 'udp://logs.internal:514', tag: '{{.Name}}'}}",
                           .request(#"{"HostConfig": {"LogConfig": {"Type": "syslog", "Config": {"syslog-address": "udp://logs.internal:514", "tag": "{{.Name}}"}}}}"#)),
            SettingExample("logging: {driver: local}", .request(#"{"HostConfig": {"LogConfig": {"Type": "local"}}}"#)),
            SettingExample("logging: {options: {max-size: 1m}}", .request(#"{"HostConfig": {"LogConfig": {"Type": "", "Config": {"max-size": "1m"}}}}"#)),
            SettingExample("logging: {driver: none}", .warning("podlike --logs shows nothing for this component", request: #"{"HostConfig": {"LogConfig": {"Type": "none"}}}"#)),
            SettingExample("logging: {driver: json-file, option: {max-size: 10m}}", .error(#"unknown key "option" in logging; did you mean "options"?"#)),
            SettingExample("logging: {driver: json-file, options: [max-size=10m]}", .error(#"expected options as a mapping like {max-size: 10m, max-file: 3}, got a list"#)),
            SettingExample("logging: {driver: json-file, options: {max-size: }}", .error(#"expected a value for option "max-size", got an empty value"#)),
            SettingExample("logging: {driver: ''}", .error(#"expected a logging driver like "json-file", "local" or "syslog", got an empty value"#)),
            SettingExample("logging: json-file", .error(#"expected a mapping like {driver: json-file, options: {max-size: 10m}}, got "json-file""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        guard case .mapping = value else {
            throw SettingProblem.expected("a mapping like {driver: json-file, options: {max-size: 10m}}", got: value)
        }
        try value.checkKeys(["driver", "options"], of: "logging")

        var config = LogConfig(Type: "")
        if let driverNode = value["driver"] {
            let driver = try driverNode.nonEmptyText(expected: Self.driverExpectation)
            guard !driver.contains(where: \.isWhitespace) else { throw SettingProblem.expected(Self.driverExpectation, got: driverNode) }
            config.Type = driver
        }
        if let options = value["options"] {
            var settings: [String: String] = [:]
            for (name, _, setting) in try options.pairs(expected: "options as a mapping like {max-size: 10m, max-file: 3}") {
                guard !setting.isNull else {
                    throw SettingProblem.expected("a value for option \"\(name)\"", got: setting)
                }
                settings[name] = try setting.text(expected: "a value for option \"\(name)\"")
            }
            config.Config = settings
        }
        if config.Type == "none" {
            spec.warnings.append("logging driver \"none\" keeps no output, so podlike --logs shows nothing for this component")
        }
        spec.request.HostConfig.LogConfig = config
    }
}
