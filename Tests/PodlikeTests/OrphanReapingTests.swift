#if canImport(Glibc)
import Glibc
#endif
import Podlike
import Testing

/// The real behaviour, a controller that is PID 1 leaving no zombies, is the
/// e2e test `processes that components orphan are reaped…`; here, that any
/// other process is left as it was.
struct OrphanReapingTests {
    @Test("outside PID 1 nothing changes: SIGCHLD keeps its handler, so a process that waits for its own children still can")
    func notProcessOne() {
        var before = sigaction()
        sigaction(SIGCHLD, nil, &before)
        #expect(getpid() != 1)
        #expect(OrphanReaping.enableIfProcessOne() == false)
        var after = sigaction()
        sigaction(SIGCHLD, nil, &after)
        let handler = { (action: sigaction) in withUnsafeBytes(of: action.__sigaction_handler) { Array($0) } }
        #expect(handler(after) == handler(before))
    }
}
