import Histogram
import Synchronization

/// Builds the per-second timeline: once per interval it takes each worker's interval figures
/// (``WorkerRecorder/takeInterval()``), merges them into one entry and keeps a running
/// histogram for the progress line's "p99 so far".
final class TimelineSampler: Sendable {
    private struct State {
        var entries: [TimelineEntry] = []
        var lastEntryLatency = LatencyHistogram.makeLatency()
        var cumulative = LatencyHistogram.makeLatency()
        var lastTick: ContinuousClock.Instant
        var calls = 0
        var errors = 0
    }

    private let start: ContinuousClock.Instant
    private let state: Mutex<State>

    init(start: ContinuousClock.Instant) {
        self.start = start
        self.state = Mutex(State(lastTick: start))
    }

    /// Ends an interval at `now`.
    @discardableResult
    func harvest(_ recorders: [WorkerRecorder], now: ContinuousClock.Instant) -> ProgressSnapshot {
        let interval = collect(recorders)
        return state.withLock { state in
            let duration = (now - state.lastTick).secondsValue
            state.entries.append(
                entry(interval, from: state.lastTick, duration: duration, index: state.entries.count + 1)
            )
            state.lastEntryLatency = interval.latency
            state.lastTick = now
            return record(interval, into: &state, now: now, duration: duration)
        }
    }

    /// Ends the last interval at `now`; an interval shorter than half a sampling interval (the
    /// calls that were still in flight at the time limit) is folded into the previous entry
    /// rather than drawn as a spike.
    func finish(_ recorders: [WorkerRecorder], now: ContinuousClock.Instant, sampleInterval: Duration) {
        let interval = collect(recorders)
        state.withLock { state in
            let duration = (now - state.lastTick).secondsValue
            guard duration > 0 || interval.calls > 0 else { return }
            if let previous = state.entries.last, duration < sampleInterval.secondsValue / 2 {
                var merged = interval
                merged.latency.add(state.lastEntryLatency)
                merged.calls += previous.calls
                merged.errors += previous.errors
                merged.messages += previous.messages
                let previousStart = start + .nanoseconds(Int64(previous.startSeconds * 1e9))
                state.entries[state.entries.count - 1] = entry(
                    merged,
                    from: previousStart,
                    duration: previous.durationSeconds + duration,
                    index: previous.second
                )
            } else {
                state.entries.append(
                    entry(interval, from: state.lastTick, duration: duration, index: state.entries.count + 1)
                )
            }
            state.lastTick = now
            _ = record(interval, into: &state, now: now, duration: duration)
        }
    }

    /// The entries so far.
    var timeline: [TimelineEntry] { state.withLock { $0.entries } }

    private func collect(_ recorders: [WorkerRecorder]) -> IntervalStats {
        var interval = IntervalStats()
        for recorder in recorders { interval.add(recorder.takeInterval()) }
        return interval
    }

    private func record(
        _ interval: IntervalStats,
        into state: inout State,
        now: ContinuousClock.Instant,
        duration: Double
    ) -> ProgressSnapshot {
        state.cumulative.add(interval.latency)
        state.calls += interval.calls
        state.errors += interval.errors
        return ProgressSnapshot(
            elapsedSeconds: (now - start).secondsValue,
            calls: state.calls,
            errors: state.errors,
            callsPerSecond: duration > 0 ? Double(interval.calls) / duration : 0,
            p99Millis: state.cumulative.milliseconds(at: 99)
        )
    }

    private func entry(
        _ interval: IntervalStats,
        from begin: ContinuousClock.Instant,
        duration: Double,
        index: Int
    ) -> TimelineEntry {
        let hasCalls = interval.calls > 0
        return TimelineEntry(
            second: index,
            startSeconds: (begin - start).secondsValue,
            durationSeconds: duration,
            calls: interval.calls,
            errors: interval.errors,
            messages: interval.messages,
            callsPerSecond: duration > 0 ? Double(interval.calls) / duration : 0,
            p50Millis: hasCalls ? interval.latency.milliseconds(at: 50) : 0,
            p99Millis: hasCalls ? interval.latency.milliseconds(at: 99) : 0,
            maxMillis: hasCalls ? Double(interval.latency.maxRecorded) / 1000 : 0
        )
    }
}
