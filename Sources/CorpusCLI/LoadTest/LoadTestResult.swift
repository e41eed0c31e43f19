/// What one phase of a run measured.
struct LoadTestResult: Sendable {
    /// How the phase ran.
    var plan: LoadTestPlan
    /// From the start of the phase until the last worker stopped.
    var elapsed: Duration
    /// All workers' figures, merged.
    var stats: WorkerStats
    /// Per-second figures.
    var timeline: [TimelineEntry]
    /// Whether the hard stop (time limit plus grace) cancelled calls still in flight.
    var cutOff: Bool
    /// Open loop: calls that were due before the time limit but never sent, because the
    /// backlog was not worked off before the hard stop. They have no latency to record, so
    /// they are reported instead of silently dropped.
    var notSent: Int = 0

    /// Completed calls per second.
    var callsPerSecond: Double {
        let seconds = elapsed.secondsValue
        return seconds > 0 ? Double(stats.calls) / seconds : 0
    }

    /// Response messages per second.
    var messagesPerSecond: Double {
        let seconds = elapsed.secondsValue
        return seconds > 0 ? Double(stats.messages) / seconds : 0
    }
}
