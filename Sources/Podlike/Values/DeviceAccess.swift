/// Device cgroup access, as `devices` and `device_cgroup_rules` write it: one or
/// more of `r` (read), `w` (write) and `m` (mknod), each at most once.
public enum DeviceAccess {
    public static func isValid(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && Set(text).count == text.count && text.allSatisfy { "rwm".contains($0) }
    }
}
