/// Where the controller serves its status, and where the commands look for it.
public enum StatusSocket {
    /// The image has /run/podlike; the server creates the folder elsewhere.
    public static let defaultPath = "/run/podlike/status.sock"
    public static let environmentVariable = "PODLIKE_STATUS_SOCKET"

    /// `--socket` (or `--status-socket`) first, then PODLIKE_STATUS_SOCKET, then the default.
    public static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        return defaultPath
    }
}
