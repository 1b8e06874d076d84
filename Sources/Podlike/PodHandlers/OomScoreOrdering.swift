/// The controller is PID 1 of the pod: when the OOM killer takes it, the pod is
/// gone. So a component is a likelier victim, as in the original podlike: it gets
/// the controller's `OomScoreAdj` + 1, unless it sets `oom_score_adj` itself.
public struct OomScoreOrdering: PodSettingHandler {
    public let name = "oom score"
    public let summary = "makes components likelier OOM victims than the controller: its oom_score_adj + 1, unless they set their own"

    public init() {}

    public func apply(to spec: inout ComponentSpec, pod: PodContext) {
        guard spec.request.HostConfig.OomScoreAdj == nil else { return }
        spec.request.HostConfig.OomScoreAdj = min(pod.controllerOomScoreAdj + 1, 1000)
    }
}
