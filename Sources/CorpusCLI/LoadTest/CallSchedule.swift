import Synchronization

/// Hands out the calls of a phase to the workers: a shared ticket counter, and in an open loop
/// the intended send time of each ticket (`start + ticket / rate`).
///
/// Because the intended times are fixed in advance, a call that could not be sent on time (all
/// workers were waiting for a stalled server) is measured from when it *should* have been sent:
/// the stall shows up in the latencies of every call it delayed, not just the one that was in
/// flight. This is the wrk2 answer to coordinated omission.
final class CallSchedule: Sendable {
    /// One call to make.
    struct Ticket: Sendable, Hashable {
        /// 0, 1, 2, ... in schedule order.
        var index: Int
        /// Open loop: when the call is due.
        var intended: ContinuousClock.Instant?
    }

    let start: ContinuousClock.Instant
    /// No call starts at or after this instant.
    let stopAt: ContinuousClock.Instant
    private let rate: Double?
    private let requests: Int?
    private let next = Atomic<Int>(0)

    init(start: ContinuousClock.Instant, plan: LoadTestPlan) {
        self.start = start
        self.stopAt = start + plan.duration
        self.rate = plan.rate
        self.requests = plan.requests
    }

    /// The next call, or `nil` when the phase is over (time limit or request count reached).
    ///
    /// In an open loop, a call due before the time limit is handed out even when the workers
    /// reach it late: it is part of the backlog, and its latency counts from when it was due.
    func claim(now: ContinuousClock.Instant) -> Ticket? {
        if rate == nil, now >= stopAt { return nil }
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        if let requests, index >= requests { return nil }
        guard let rate else { return Ticket(index: index, intended: nil) }
        let intended = start + .nanoseconds(Int64(Double(index) * 1e9 / rate))
        return intended < stopAt ? Ticket(index: index, intended: intended) : nil
    }
}
