import Podlike
import PodlikeYAML

/// `oom_score_adj: 500` → `HostConfig.OomScoreAdj`, from -1000 (never chosen by
/// the OOM killer) to 1000 (chosen first).
struct OomScoreAdjHandler: SettingHandler {
    let descriptor = SettingDescriptor(
        key: "oom_score_adj",
        summary: "how likely the OOM killer picks the component, -1000 to 1000",
        examples: [
            SettingExample("oom_score_adj: 500", .request(#"{"HostConfig": {"OomScoreAdj": 500}}"#)),
            SettingExample("oom_score_adj: -1000", .request(#"{"HostConfig": {"OomScoreAdj": -1000}}"#)),
            SettingExample("oom_score_adj: 1001", .error("expected an OOM score adjustment from -1000 to 1000, got 1001")),
            SettingExample("oom_score_adj: low", .error(#"expected an OOM score adjustment, got "low""#)),
        ])

    func apply(_ value: Node, to spec: inout ComponentSpec, context: SettingContext) throws(SettingProblem) {
        spec.request.HostConfig.OomScoreAdj = Int(try value.integer(expected: "an OOM score adjustment", in: -1000...1000))
    }
}
