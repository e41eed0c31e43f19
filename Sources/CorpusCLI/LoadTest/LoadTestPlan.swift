/// How one phase of a run (the warmup or the measured part) drives the target.
struct LoadTestPlan: Sendable, Hashable {
    /// Workers, each with one call in flight at a time: the closed loop's concurrency, and the
    /// open loop's cap on calls in flight.
    var concurrency: Int
    /// Open loop: calls per second, on a fixed schedule, whatever the latency. `nil`: closed loop
    /// (each worker sends its next call when the previous one ends).
    var rate: Double?
    /// No call starts after this much time (the phase's time limit, also with ``requests``).
    var duration: Duration
    /// Stop after this many calls (claimed by workers) if set.
    var requests: Int?
    /// Calls still running at the time limit get this long to finish; then they are cancelled
    /// and counted as unfinished. This bounds the run even when the server hangs.
    var grace: Duration
    /// How often the timeline and the progress line are sampled.
    var sampleInterval: Duration = .seconds(1)

    /// Whether calls follow a fixed schedule (`--rate`).
    var isOpenLoop: Bool { rate != nil }
}
