/// Applied to every component after its own settings, with the pod's context:
/// namespace sharing, cgroup placement, shared volumes, naming and labels.
public protocol PodSettingHandler: Sendable {
    /// A short name for `podlike settings` and log metadata.
    var name: String { get }
    var summary: String { get }

    func apply(to spec: inout ComponentSpec, pod: PodContext)
}
