import Synchronization

/// One worker's ``WorkerStats`` behind a lock, so the sampler can take the current interval
/// once a second while the worker keeps recording. The lock is uncontended but for that moment.
final class WorkerRecorder: Sendable {
    private let stats = Mutex(WorkerStats())

    init() {}

    /// Records a completed call (see ``WorkerStats/record(_:latency:sendLag:firstMessage:outcome:)``).
    func record(_ kind: RPCKind, latency: Duration, sendLag: Duration?, firstMessage: Duration?, outcome: CallOutcome) {
        stats.withLock {
            $0.record(kind, latency: latency, sendLag: sendLag, firstMessage: firstMessage, outcome: outcome)
        }
    }

    /// Records a call the hard stop cut off.
    func recordUnfinished(_ kind: RPCKind) {
        stats.withLock { $0.recordUnfinished(kind) }
    }

    /// Takes what completed since the last call, leaving an empty interval.
    func takeInterval() -> IntervalStats {
        stats.withLock { stats in
            defer { stats.interval = IntervalStats() }
            return stats.interval
        }
    }

    /// Everything recorded so far.
    var snapshot: WorkerStats { stats.withLock { $0 } }
}
