import Podlike
import PodlikeYAML

/// `stop_grace_period: 1m30s` → `lifecycle.stopGracePeriod` in nanoseconds, which
/// the controller waits between the stop signal and SIGKILL, and `StopTimeout` in
/// whole seconds, rounded up, for anyone who stops the container directly.
struct StopGracePeriodHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "stop_grace_period",
        summary: "how long the component gets to stop before it is killed, as a duration",
        examples: [
            SettingExample("stop_grace_period: 1m30s", .request(#"{"StopTimeout": 90}"#)),
            SettingExample("stop_grace_period: 1m30s", .lifecycle(#"{"stopGracePeriod": 90000000000}"#)),
            SettingExample("stop_grace_period: 1.5s", .request(#"{"StopTimeout": 2}"#)),
            SettingExample("stop_grace_period: 500ms", .lifecycle(#"{"stopGracePeriod": 500000000}"#)),
            SettingExample("stop_grace_period: 1h", .request(#"{"StopTimeout": 3600}"#)),
            SettingExample("stop_grace_period: 20", .request(#"{"StopTimeout": 20}"#)),
            SettingExample("stop_grace_period: 0s", .request(#"{"StopTimeout": 0}"#)),
            SettingExample("stop_grace_period: soon", .error(#"expected a duration like "1m30s", "1.5s", "500ms" or a number of seconds, got "soon""#)),
            SettingExample("stop_grace_period: -5s", .error(#"got "-5s""#)),
            SettingExample("stop_grace_period: 1e10", .error(#""1e10" is out of range: a duration goes from 0 to 2562047h"#)),
            SettingExample("stop_grace_period: 9999999999h", .error(#"out of range"#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        let nanoseconds = try ComposeDuration.nanoseconds(value)
        let nanosecondsPerSecond: Int64 = 1_000_000_000
        spec.lifecycle.stopGracePeriod = nanoseconds
        spec.request.StopTimeout = Int((nanoseconds + nanosecondsPerSecond - 1) / nanosecondsPerSecond)
    }
}
