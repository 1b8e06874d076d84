import Podlike

/// The built-in settings: the one list that registers every handler. Adding a
/// Compose key means adding its handler file and one line here, kept sorted.
public enum BuiltinSettings {
    public static var handlers: [any SettingHandler] {
        [
            BlkioConfigHandler(),
            CapAddHandler(),
            CapDropHandler(),
            CommandHandler(),
            CpuCountHandler(),
            CpuPercentHandler(),
            CpuPeriodHandler(),
            CpuQuotaHandler(),
            CpuRtPeriodHandler(),
            CpuRtRuntimeHandler(),
            CpuSharesHandler(),
            CpusHandler(),
            CpusetHandler(),
            DependsOnHandler(),
            DeployHandler(),
            DeviceCgroupRulesHandler(),
            DevicesHandler(),
            EntrypointHandler(),
            EnvFileHandler(),
            EnvironmentHandler(),
            GroupAddHandler(),
            HealthcheckHandler(),
            ImageHandler(),
            InitHandler(),
            IsolationHandler(),
            LabelsHandler(),
            LoggingHandler(),
            MemLimitHandler(),
            MemReservationHandler(),
            MemSwappinessHandler(),
            MemswapLimitHandler(),
            OomKillDisableHandler(),
            OomScoreAdjHandler(),
            PidsLimitHandler(),
            PlatformHandler(),
            PrivilegedHandler(),
            PullPolicyHandler(),
            ReadOnlyHandler(),
            RestartHandler(),
            RuntimeHandler(),
            SecurityOptHandler(),
            ShmSizeHandler(),
            StdinOpenHandler(),
            StopGracePeriodHandler(),
            StopSignalHandler(),
            StorageOptHandler(),
            SysctlsHandler(),
            TmpfsHandler(),
            TtyHandler(),
            UlimitsHandler(),
            UserHandler(),
            UsernsModeHandler(),
            VolumeDriverHandler(),
            VolumesHandler(),
            WorkingDirHandler(),
        ] + UnsupportedSettings.all
    }

    /// The registry a controller uses: every handler above plus the pod-level ones.
    /// The rules between settings that the engine enforces, kept sorted.
    public static var checks: [any SettingCheck] {
        [
            CpuLimitExclusionCheck(),
            MemoryMinimumCheck(),
            MemoryOrderCheck(),
            RealtimeRuntimeCheck(),
        ]
    }

    public static func registry() throws -> HandlerRegistry {
        try HandlerRegistry(handlers: handlers, podHandlers: PodHandlers.all, checks: checks)
    }
}
