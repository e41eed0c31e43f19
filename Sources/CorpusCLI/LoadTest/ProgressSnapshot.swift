/// What the live progress line shows, taken once per sampling interval.
struct ProgressSnapshot: Sendable, Hashable {
    /// Seconds since the phase started.
    var elapsedSeconds: Double
    /// Calls completed so far.
    var calls: Int
    /// Failed calls so far.
    var errors: Int
    /// Calls per second in the last interval.
    var callsPerSecond: Double
    /// 99th percentile latency so far, in milliseconds.
    var p99Millis: Double
}
