import Podlike
import PodlikeYAML

/// `healthcheck` → `Healthcheck`. `test` is a shell command string (run as
/// `["CMD-SHELL", s]`), a list starting with `CMD`, `CMD-SHELL` or `NONE`, or
/// `NONE`; `disable: true` is `["NONE"]`. `interval`, `timeout` and `start_period`
/// are durations, sent in nanoseconds; `retries` is a whole number. The pod is as
/// healthy as its least healthy component.
struct HealthcheckHandler: SettingHandler {
    static let keys = ["test", "interval", "timeout", "start_period", "retries", "disable"]
    static let testKinds = ["CMD", "CMD-SHELL", "NONE"]
    static let testExpectation = #"a shell command like "curl -f http://localhost/ || exit 1" or a list like [CMD, curl, -f, "http://localhost/"]"#

    let descriptor = SettingDescriptor(
        key: "healthcheck",
        summary: "how the engine checks that the component is healthy; the pod is as healthy as its least healthy component",
        examples: [
            SettingExample("""
                healthcheck:
                  test: curl -f http://localhost/ || exit 1
                  interval: 30s
                  timeout: 5s
                  start_period: 1m
                  retries: 3
                """, .request(#"""
                {"Healthcheck": {"Test": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
                    "Interval": 30000000000, "Timeout": 5000000000, "StartPeriod": 60000000000, "Retries": 3}}
                """#)),
            SettingExample(#"healthcheck: {test: [CMD, pg_isready, -U, postgres, -p, 5432], interval: 1m30s}"#,
                           .request(#"{"Healthcheck": {"Test": ["CMD", "pg_isready", "-U", "postgres", "-p", "5432"], "Interval": 90000000000}}"#)),
            SettingExample(#"healthcheck: {test: [CMD-SHELL, "wget -qO- localhost:8080/health"], timeout: 500ms}"#,
                           .request(#"{"Healthcheck": {"Test": ["CMD-SHELL", "wget -qO- localhost:8080/health"], "Timeout": 500000000}}"#)),
            SettingExample("healthcheck: {test: [NONE]}", .request(#"{"Healthcheck": {"Test": ["NONE"]}}"#)),
            SettingExample("healthcheck: {test: NONE}", .request(#"{"Healthcheck": {"Test": ["NONE"]}}"#)),
            SettingExample("healthcheck: {disable: true}", .request(#"{"Healthcheck": {"Test": ["NONE"]}}"#)),
            SettingExample("healthcheck: {interval: 10s, retries: 5}", .request(#"{"Healthcheck": {"Interval": 10000000000, "Retries": 5}}"#)),
            SettingExample("healthcheck: {test: [curl, -f, 'http://localhost/']}", .error(#"expected the test list to start with "CMD", "CMD-SHELL" or "NONE", got "curl"; write [CMD, curl, ...] to run it directly"#)),
            SettingExample("healthcheck: {test: [CMD]}", .error(#"expected a command after "CMD", like [CMD, curl, -f, "http://localhost/"]"#)),
            SettingExample("healthcheck: {test: [CMD-SHELL, curl, -f, 'http://localhost/']}", .error(#"expected one shell command after "CMD-SHELL", like [CMD-SHELL, "curl -f http://localhost/ || exit 1"], got 3 items"#)),
            SettingExample("healthcheck: {test: [NONE, curl]}", .error(#"expected nothing after "NONE""#)),
            SettingExample("healthcheck: {test: ''}", .error(#"expected a shell command like "curl -f http://localhost/ || exit 1""#)),
            SettingExample("healthcheck: {disable: true, test: [CMD, true]}", .error(#"a healthcheck can't both run a test and be disabled; remove "test" or "disable: true""#)),
            SettingExample("healthcheck: {test: [CMD, 'true'], intervall: 10s}", .error(#"unknown key "intervall" in healthcheck; did you mean "interval"?"#)),
            SettingExample("healthcheck: {interval: often}", .error(#"expected a duration like "1m30s", "1.5s", "500ms" or a number of seconds, got "often""#)),
            SettingExample("healthcheck: {interval: 1e12}", .error(#""1e12" is out of range: a duration goes from 0 to 2562047h"#)),
            SettingExample("healthcheck: {timeout: 100us}", .error(#"expected 0 or at least 1ms, got "100us""#)),
            SettingExample("healthcheck: {retries: three}", .error(#"expected a number of retries, got "three""#)),
            SettingExample("healthcheck: curl -f http://localhost/", .error(#"expected a mapping like {test: "curl -f http://localhost/ || exit 1", interval: 30s}, got "curl -f http://localhost/""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        guard case .mapping = value else {
            throw SettingProblem.expected(#"a mapping like {test: "curl -f http://localhost/ || exit 1", interval: 30s}"#, got: value)
        }
        try value.checkKeys(Self.keys, of: "healthcheck")

        var health = HealthConfig()
        if let test = value["test"] {
            health.Test = try self.test(test)
        }
        if let disable = value["disable"], try disable.boolValue() {
            guard value["test"] == nil else {
                throw SettingProblem(#"a healthcheck can't both run a test and be disabled; remove "test" or "disable: true""#, at: disable)
            }
            health.Test = ["NONE"]
        }
        if let interval = value["interval"] { health.Interval = try duration(interval) }
        if let timeout = value["timeout"] { health.Timeout = try duration(timeout) }
        if let startPeriod = value["start_period"] { health.StartPeriod = try duration(startPeriod) }
        if let retries = value["retries"] {
            health.Retries = Int(try retries.integer(expected: "a number of retries", in: 0...Int64(Int32.max)))
        }
        spec.request.Healthcheck = health
    }

    private func test(_ node: Node) throws(SettingProblem) -> [String] {
        guard case .sequence(let items) = node else {
            let command = try node.nonEmptyText(expected: Self.testExpectation)
            return command == "NONE" ? ["NONE"] : ["CMD-SHELL", command]
        }
        let words = try node.stringList(expected: "words of a command")
        guard let kind = words.first, let kindNode = items.first else {
            throw SettingProblem.expected(Self.testExpectation, got: node)
        }
        let arguments = words.count - 1
        switch kind {
        case "CMD" where arguments == 0:
            throw SettingProblem(#"expected a command after "CMD", like [CMD, curl, -f, "http://localhost/"]"#, at: node)
        case "CMD-SHELL" where arguments != 1:
            throw SettingProblem(
                #"expected one shell command after "CMD-SHELL", like [CMD-SHELL, "curl -f http://localhost/ || exit 1"], got \#(arguments) items"#,
                at: node)
        case "NONE" where arguments != 0:
            throw SettingProblem(#"expected nothing after "NONE", which turns the image's healthcheck off"#, at: node)
        case _ where Self.testKinds.contains(kind):
            return words
        default:
            throw SettingProblem(
                #"expected the test list to start with "CMD", "CMD-SHELL" or "NONE", got \#(kindNode.shortDescription); "#
                    + "write [CMD, \(kind), ...] to run it directly",
                at: kindNode)
        }
    }

    /// The API takes 0 (inherit from the image) or at least 1ms.
    private func duration(_ node: Node) throws(SettingProblem) -> Int64 {
        let nanoseconds = try ComposeDuration.nanoseconds(node)
        guard nanoseconds == 0 || nanoseconds >= 1_000_000 else {
            throw SettingProblem.expected("0 or at least 1ms", got: node)
        }
        return nanoseconds
    }
}
