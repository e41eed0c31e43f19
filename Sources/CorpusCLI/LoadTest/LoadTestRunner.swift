/// Drives a ``CallTarget`` with a closed or open loop for one phase and measures it.
///
/// - Closed loop (`rate == nil`): `concurrency` workers, each sending its next call as soon as
///   the previous one ends. Latency is measured from the send time, so a stalled server slows
///   the senders down and most of the stall goes unmeasured ("coordinated omission"): use it
///   to find the maximum throughput, not to judge latency under a given load.
/// - Open loop (`rate` set): calls are due on a fixed schedule (``CallSchedule``); `concurrency`
///   workers take the due calls, and latency is measured from the *intended* send time. A
///   stall delays every call that was due during it, and each of them records the delay.
///
/// Each worker records into its own ``WorkerRecorder``; they are merged at the end. The phase
/// is bounded: no call starts after the time limit, calls still running `grace` later are
/// cancelled (counted as unfinished), so a hung server cannot hang the tool.
struct LoadTestRunner<Target: CallTarget>: Sendable {
    /// What the calls go to.
    let target: Target
    /// The calls of worker `n` (its own generator, so results repeat with the same seed).
    let makeWorkload: @Sendable (_ worker: Int) -> Workload

    private enum Finished: Sendable {
        case worker
        case watchdog(fired: Bool)
        case sampler
    }

    /// Runs one phase.
    ///
    /// - Parameters:
    ///   - plan: Concurrency, rate, time limit, request count, grace.
    ///   - progress: Called once per sampling interval (from another task) while the phase runs.
    func run(_ plan: LoadTestPlan, progress: (@Sendable (ProgressSnapshot) -> Void)? = nil) async -> LoadTestResult {
        let recorders = (0..<max(1, plan.concurrency)).map { _ in WorkerRecorder() }
        let start = ContinuousClock.now
        let schedule = CallSchedule(start: start, plan: plan)
        let sampler = TimelineSampler(start: start)
        let hardStop = schedule.stopAt + plan.grace
        let cutOff = await withTaskGroup(of: Finished.self, returning: Bool.self) { group in
            for (index, recorder) in recorders.enumerated() {
                group.addTask {
                    await self.work(index, recorder: recorder, schedule: schedule)
                    return .worker
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(until: hardStop, clock: .continuous)
                    return .watchdog(fired: true)
                } catch {
                    return .watchdog(fired: false)
                }
            }
            group.addTask {
                var tick = 1
                while true {
                    do {
                        try await Task.sleep(until: start + plan.sampleInterval * tick, clock: .continuous)
                    } catch {
                        break
                    }
                    let snapshot = sampler.harvest(recorders, now: .now)
                    progress?(snapshot)
                    tick += 1
                }
                return .sampler
            }
            var running = recorders.count
            var cutOff = false
            for await finished in group {
                switch finished {
                case .worker:
                    running -= 1
                    if running == 0 { group.cancelAll() }
                case .watchdog(let fired):
                    if fired, running > 0 {
                        cutOff = true
                        group.cancelAll()
                    }
                case .sampler:
                    break
                }
            }
            return cutOff
        }
        let end = ContinuousClock.now
        sampler.finish(recorders, now: end, sampleInterval: plan.sampleInterval)
        var stats = WorkerStats()
        for recorder in recorders { stats.add(recorder.snapshot) }
        var result = LoadTestResult(
            plan: plan,
            elapsed: end - start,
            stats: stats,
            timeline: sampler.timeline,
            cutOff: cutOff
        )
        if let due = Self.callsDue(plan) {
            result.notSent = max(0, due - stats.calls - stats.unfinished)
        }
        return result
    }

    /// Open loop: how many calls the schedule has due before the time limit (`nil`: closed loop).
    static func callsDue(_ plan: LoadTestPlan) -> Int? {
        guard let rate = plan.rate else { return nil }
        let due = (Double(plan.duration.nanoseconds) * rate / 1e9).rounded(.up)
        let count = due < Double(Int.max) ? Int(due) : Int.max
        return min(count, plan.requests ?? .max)
    }

    /// One worker: claims calls until the schedule runs out or the task is cancelled.
    private func work(_ index: Int, recorder: WorkerRecorder, schedule: CallSchedule) async {
        var workload = makeWorkload(index)
        var made = 0
        while !Task.isCancelled, let ticket = schedule.claim(now: .now) {
            var origin = ContinuousClock.now
            if let intended = ticket.intended {
                if intended > origin {
                    do {
                        try await Task.sleep(until: intended, tolerance: .zero, clock: .continuous)
                    } catch {
                        return
                    }
                }
                origin = intended
            }
            let call = workload.next()
            let sent = ContinuousClock.now
            let outcome = await target.perform(call)
            let done = ContinuousClock.now
            if Task.isCancelled, !outcome.isOK {
                recorder.recordUnfinished(call.kind)
                return
            }
            recorder.record(
                call.kind,
                latency: done - origin,
                sendLag: ticket.intended == nil ? nil : sent - origin,
                firstMessage: outcome.firstMessageAt.map { $0 - origin },
                outcome: outcome
            )
            made += 1
            // A target that never suspends (a fake, or an error path that fails at once) must
            // not starve the sampler and the watchdog on a small machine.
            if made % 64 == 0 { await Task.yield() }
        }
    }
}
