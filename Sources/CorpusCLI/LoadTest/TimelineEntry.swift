/// One sampling interval (about a second) of a run (`--json`: an element of `timeline`).
struct TimelineEntry: Sendable, Hashable, Codable {
    /// 1, 2, 3, ...
    var second: Int
    /// When the interval began, in seconds since the measured phase started.
    var startSeconds: Double
    /// The interval's length in seconds (the last one may be shorter or longer).
    var durationSeconds: Double
    /// Calls completed in the interval, failed ones included.
    var calls: Int
    /// Failed calls completed in the interval.
    var errors: Int
    /// Response messages received in the interval.
    var messages: Int
    /// `calls / durationSeconds`.
    var callsPerSecond: Double
    /// Median latency of the calls completed in the interval, in milliseconds.
    var p50Millis: Double
    /// 99th percentile latency of the calls completed in the interval, in milliseconds.
    var p99Millis: Double
    /// Highest latency of the calls completed in the interval, in milliseconds.
    var maxMillis: Double
}
