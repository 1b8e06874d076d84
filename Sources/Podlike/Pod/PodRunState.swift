/// What one run of a pod knows as it goes, handed from phase to phase: which
/// containers exist, what the scheduler has seen, the inbox of engine events and
/// timers, and the task group that forwards logs and waits out restart delays.
struct PodRunState {
    enum Message: Sendable {
        case engine(EngineEvent)
        case eventsEnded(String)
        case restartDue(String)
        case shutdown
    }

    var table = ContainerTable()
    var scheduler: PodScheduler
    var messages: AsyncStream<Message>.Iterator
    let mailbox: AsyncStream<Message>.Continuation
    /// The run's own task group; its children end with the run.
    var group: TaskGroup<Void>

    init(plan: PodPlan, inbox: AsyncStream<Message>, mailbox: AsyncStream<Message>.Continuation, group: TaskGroup<Void>) {
        self.scheduler = PodScheduler(plan.regularComponents.map { ($0.name, $0.spec.lifecycle) })
        self.messages = inbox.makeAsyncIterator()
        self.mailbox = mailbox
        self.group = group
    }
}
