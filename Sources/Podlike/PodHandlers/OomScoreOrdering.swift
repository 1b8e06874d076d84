/// The controller is PID 1 of the pod: when the OOM killer takes it, the pod is
/// gone. So a component is a likelier victim, as in the original podlike: it gets
/// the controller's `OomScoreAdj` + 1, unless it sets `oom_score_adj` itself.
public struct OomScoreOrdering: PodSettingHandler {
    public let name = "oom score"
    public let summary = "makes components likelier OOM victims than the controller: its oom_score_adj + 1, unless they set their own"

    public let examples = [
        PodHandlerExample("a controller with oom_score_adj 0", .request(#"{"HostConfig": {"OomScoreAdj": 1}}"#)),
        PodHandlerExample("a controller with --oom-score-adj 100", pod: .example { $0.controllerOomScoreAdj = 100 },
                          .request(#"{"HostConfig": {"OomScoreAdj": 101}}"#)),
        PodHandlerExample("a component that sets its own", pod: .example { $0.controllerOomScoreAdj = 100 }, settings: "oom_score_adj: 5",
                          .request(#"{"HostConfig": {"OomScoreAdj": 5}}"#)),
        PodHandlerExample("a controller at the top", pod: .example { $0.controllerOomScoreAdj = 1000 },
                          .request(#"{"HostConfig": {"OomScoreAdj": 1000}}"#)),
    ]

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        guard spec.request.HostConfig.OomScoreAdj == nil else { return }
        spec.request.HostConfig.OomScoreAdj = min(pod.controllerOomScoreAdj + 1, 1000)
    }
}
