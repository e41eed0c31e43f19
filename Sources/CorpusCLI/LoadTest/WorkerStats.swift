import Histogram

/// Everything one worker measured. Each worker owns one (no sharing while it runs); the runner
/// merges them with ``add(_:)`` at the end.
struct WorkerStats: Sendable {
    /// The figures of one kind of call.
    struct PerKind: Sendable {
        var latency = LatencyHistogram.makeLatency()
        var calls = 0
        var statuses: [String: Int] = [:]
        var messages = 0
        /// Calls cut off by the hard stop (not in the histogram).
        var unfinished = 0

        var errors: Int { calls - statuses[CallOutcome.okStatus, default: 0] }

        mutating func record(latency: Duration, outcome: CallOutcome) {
            self.latency.record(latency)
            calls += 1
            statuses[outcome.status, default: 0] += 1
            messages += outcome.messages
        }

        mutating func add(_ other: PerKind) {
            latency.add(other.latency)
            calls += other.calls
            statuses.merge(other.statuses, uniquingKeysWith: +)
            messages += other.messages
            unfinished += other.unfinished
        }
    }

    /// Latency of every completed call (failed ones included), from the send time in a closed
    /// loop and from the intended send time in an open loop.
    var latency = LatencyHistogram.makeLatency()
    /// Time to the first response message, for streams.
    var firstMessage = LatencyHistogram.makeLatency()
    /// Open loop: how late calls were sent after their intended time (the tool's own lag; it is
    /// part of ``latency``, on purpose).
    var sendLag = LatencyHistogram.makeLatency()
    /// Per kind of call.
    var kinds: [RPCKind: PerKind] = [:]
    /// Since the sampler last took it.
    var interval = IntervalStats()

    /// Records a completed call.
    ///
    /// - Parameters:
    ///   - kind: The kind of call.
    ///   - latency: From the (intended) send time to the end of the call.
    ///   - sendLag: Open loop only: actual minus intended send time.
    ///   - firstMessage: Streams: from the (intended) send time to the first message.
    ///   - outcome: How the call ended.
    mutating func record(
        _ kind: RPCKind,
        latency: Duration,
        sendLag: Duration?,
        firstMessage: Duration?,
        outcome: CallOutcome
    ) {
        self.latency.record(latency)
        if let sendLag { self.sendLag.record(sendLag) }
        if let firstMessage { self.firstMessage.record(firstMessage) }
        kinds[kind, default: PerKind()].record(latency: latency, outcome: outcome)
        interval.latency.record(latency)
        interval.calls += 1
        interval.errors += outcome.isOK ? 0 : 1
        interval.messages += outcome.messages
    }

    /// Records a call the hard stop cut off.
    mutating func recordUnfinished(_ kind: RPCKind) {
        kinds[kind, default: PerKind()].unfinished += 1
    }

    /// Adds another worker's figures (the interval is not merged: the sampler has taken it).
    mutating func add(_ other: WorkerStats) {
        latency.add(other.latency)
        firstMessage.add(other.firstMessage)
        sendLag.add(other.sendLag)
        kinds.merge(other.kinds) { mine, theirs in
            var merged = mine
            merged.add(theirs)
            return merged
        }
    }

    /// Completed calls.
    var calls: Int { kinds.values.reduce(0) { $0 + $1.calls } }
    /// Completed calls that failed.
    var errors: Int { kinds.values.reduce(0) { $0 + $1.errors } }
    /// Calls cut off by the hard stop.
    var unfinished: Int { kinds.values.reduce(0) { $0 + $1.unfinished } }
    /// Response messages received.
    var messages: Int { kinds.values.reduce(0) { $0 + $1.messages } }
    /// Completed calls by status name.
    var statuses: [String: Int] {
        kinds.values.reduce(into: [:]) { $0.merge($1.statuses, uniquingKeysWith: +) }
    }
}
