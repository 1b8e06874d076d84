/// The pod-level handlers, applied in this order to every component.
public enum PodHandlers {
    public static let all: [any PodSettingHandler] = [
        NetworkSharing(),
        PidSharing(),
        IpcSharing(),
        CgroupPlacementHandler(),
        MemoryCap(),
        OomScoreOrdering(),
        VolumeReferenceResolution(),
        VolumeSharing(),
        AutoRemoval(),
        ContainerNaming(),
        PodLabelling(),
    ]
}
