import Histogram

/// What completed in one sampling interval (about a second): the raw material of the timeline
/// and of the progress line.
struct IntervalStats: Sendable {
    var latency = LatencyHistogram.makeLatency()
    var calls = 0
    var errors = 0
    var messages = 0

    mutating func add(_ other: IntervalStats) {
        latency.add(other.latency)
        calls += other.calls
        errors += other.errors
        messages += other.messages
    }
}
