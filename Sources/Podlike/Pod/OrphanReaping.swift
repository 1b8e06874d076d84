#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Components join the controller's PID namespace (unless `--no-pids`), where the
/// controller is PID 1 when it is its container's entrypoint. The kernel hands
/// PID 1 every process whose parent ends first: a shell's background job, a
/// daemon's double fork. Unless PID 1 collects them they stay zombies for the
/// pod's life, each holding a PID. A PID 1 that ignores SIGCHLD has the kernel
/// collect them as they end, with no wake-up of the controller.
public enum OrphanReaping {
    /// Call once, before any component exists. True when the controller is
    /// PID 1 and now has orphans reaped; false when something else is PID 1
    /// (`docker run --init`), which then reaps them. The controller starts no
    /// process of its own, so no exit status it would want is lost.
    @discardableResult
    public static func enableIfProcessOne() -> Bool {
        guard getpid() == 1 else { return false }
        signal(SIGCHLD, SIG_IGN)
        return true
    }
}
