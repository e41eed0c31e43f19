import Histogram
import Testing

@testable import CorpusCLI

/// The arithmetic of `corpus bench`: histogram merging and percentiles, the per-second
/// timeline, duration parsing and number formatting.
@Suite("bench: histogram and timeline math")
struct BenchMathTests {
    @Test("per-worker histograms merge into the histogram of all values")
    func mergeHistograms() {
        var first = WorkerStats()
        var second = WorkerStats()
        for value in 1...1000 {
            first.record(.get, latency: .microseconds(value), sendLag: nil, firstMessage: nil, outcome: .ok())
        }
        for value in 1001...2000 {
            let outcome: CallOutcome = value % 100 == 0 ? .failed("NOT_FOUND") : .ok()
            second.record(
                .search,
                latency: .microseconds(value),
                sendLag: nil,
                firstMessage: .microseconds(5),
                outcome: outcome
            )
        }
        var merged = WorkerStats()
        merged.add(first)
        merged.add(second)

        #expect(merged.calls == 2000)
        #expect(merged.errors == 10)
        #expect(merged.statuses == ["OK": 1990, "NOT_FOUND": 10])
        #expect(merged.kinds[.get]?.calls == 1000)
        #expect(merged.kinds[.search]?.errors == 10)
        #expect(merged.firstMessage.totalCount == 1000)

        let summary = LatencySummary(merged.latency)
        #expect(summary.count == 2000)
        #expect(summary.min == 0.001)
        #expect(summary.max == 2.0)
        // Three significant digits: values within 0.1 % of the exact order statistics.
        #expect(abs(summary.p50 - 1.0) <= 0.001 * 1.0 + 0.001)
        #expect(abs(summary.p75 - 1.5) <= 0.0015 + 0.001)
        #expect(abs(summary.p90 - 1.8) <= 0.0018 + 0.001)
        #expect(abs(summary.p99 - 1.98) <= 0.002 + 0.001)
        #expect(abs(summary.p999 - 1.998) <= 0.002 + 0.001)
        #expect(abs(summary.mean - 1.0005) <= 0.002)
        // Merging is the same as recording everything in one histogram.
        var single = LatencyHistogram.makeLatency()
        for value in 1...2000 { single.record(UInt64(value)) }
        for percentile in [50.0, 90, 99, 99.9, 100] {
            #expect(single.valueAtPercentile(percentile) == merged.latency.valueAtPercentile(percentile))
        }
    }

    @Test("an empty histogram summarises to zeros")
    func emptySummary() {
        let summary = LatencySummary(LatencyHistogram.makeLatency())
        #expect(summary.count == 0)
        #expect(summary.columns.allSatisfy { $0.value == 0 })
        #expect(LoadTestReport.percentileCurve(LatencyHistogram.makeLatency()).isEmpty)
    }

    @Test("histograms grow to record a 30-second stall next to microsecond calls")
    func wideRange() {
        var histogram = LatencyHistogram.makeLatency()
        histogram.record(.microseconds(40))
        histogram.record(.seconds(30))
        #expect(histogram.totalCount == 2)
        #expect(LatencySummary(histogram).max >= 29_990)
        #expect(LatencySummary(histogram).min == 0.04)
        // A grown histogram still merges with a fresh one, and recording never touches the
        // shared starting layout.
        var fresh = LatencyHistogram.makeLatency()
        fresh.record(.milliseconds(2))
        fresh.add(histogram)
        #expect(fresh.totalCount == 3)
        #expect(LatencyHistogram.makeLatency().totalCount == 0)
    }

    @Test("the percentile curve is spaced in nines, rises monotonically and ends at the maximum")
    func percentileCurve() throws {
        var histogram = LatencyHistogram.makeLatency()
        for value in 1...10_000 { histogram.record(UInt64(value)) }
        let curve = LoadTestReport.percentileCurve(histogram)
        #expect(curve.first?.percentile == 0)
        let last = try #require(curve.last)
        #expect(last.percentile == 100)
        #expect(last.latencyMillis == 10)
        for (earlier, later) in zip(curve, curve.dropFirst()) {
            #expect(earlier.percentile < later.percentile)
            #expect(earlier.latencyMillis <= later.latencyMillis)
        }
        // 10,000 values resolve four nines: 99.99 % is on the curve, 99.999 % is not.
        #expect(curve.contains { abs($0.percentile - 99.99) < 1e-9 })
        #expect(!curve.contains { $0.percentile > 99.99 && $0.percentile < 100 })
        let p99 = try #require(curve.first { abs($0.percentile - 99) < 1e-9 })
        #expect(abs(p99.latencyMillis - 9.9) <= 0.01)
    }

    @Test("the sampler splits completed calls into intervals and resets each worker's interval")
    func sampler() {
        let start = ContinuousClock.now
        let recorders = [WorkerRecorder(), WorkerRecorder()]
        let sampler = TimelineSampler(start: start)
        for index in 0..<10 {
            recorders[index % 2].record(
                .get,
                latency: .milliseconds(index + 1),
                sendLag: nil,
                firstMessage: nil,
                outcome: index == 9 ? .failed("INTERNAL") : .ok()
            )
        }
        let first = sampler.harvest(recorders, now: start + .seconds(1))
        #expect(first.calls == 10)
        #expect(first.errors == 1)
        #expect(abs(first.callsPerSecond - 10) < 1e-9)
        #expect(abs(first.p99Millis - 10) < 0.01)
        #expect(recorders.allSatisfy { $0.takeInterval().calls == 0 })

        recorders[0].record(.get, latency: .milliseconds(100), sendLag: nil, firstMessage: nil, outcome: .ok())
        sampler.harvest(recorders, now: start + .seconds(3))
        // A 0.1-second tail is folded into the previous second instead of drawn as a spike.
        recorders[1].record(.get, latency: .milliseconds(1), sendLag: nil, firstMessage: nil, outcome: .ok())
        sampler.finish(recorders, now: start + .milliseconds(3100), sampleInterval: .seconds(1))

        let timeline = sampler.timeline
        #expect(timeline.map(\.second) == [1, 2])
        #expect(timeline.map(\.calls) == [10, 2])
        #expect(timeline.map(\.errors) == [1, 0])
        #expect(abs(timeline[1].durationSeconds - 2.1) < 1e-6)
        #expect(abs(timeline[1].callsPerSecond - 2 / 2.1) < 1e-6)
        #expect(abs(timeline[1].maxMillis - 100) < 0.1)
        #expect(abs(timeline[0].startSeconds) < 1e-9 && abs(timeline[1].startSeconds - 1) < 1e-6)
        // Every call of every worker is in the merged histograms exactly once.
        var merged = WorkerStats()
        for recorder in recorders { merged.add(recorder.snapshot) }
        #expect(merged.calls == timeline.reduce(0) { $0 + $1.calls })
    }

    @Test(
        "durations: 10s, 500ms, 2m, 1m30s, bare seconds",
        arguments: [
            ("10s", Duration.seconds(10)), ("500ms", .milliseconds(500)), ("2m", .seconds(120)),
            ("1m30s", .seconds(90)), ("2.5", .milliseconds(2500)), ("1h", .seconds(3600)),
            ("250us", .microseconds(250)),
            ("0s", .zero),
        ]
    )
    func durations(text: String, expected: Duration) {
        #expect(BenchDuration.parse(text) == expected)
    }

    @Test("malformed durations are rejected", arguments: ["", "s", "10x", "ten seconds", "-5s", "5 s s", "1e400"])
    func badDurations(text: String) {
        #expect(BenchDuration.parse(text) == nil)
    }

    @Test("durations print in their shortest form")
    func durationFormat() {
        #expect(BenchDuration(.seconds(10)).description == "10s")
        #expect(BenchDuration(.milliseconds(500)).description == "500ms")
        #expect(BenchDuration(.seconds(120)).description == "2m")
        #expect(BenchDuration(.seconds(90)).description == "1m30s")
    }

    @Test("numbers in the report")
    func numbers() {
        #expect(Number.integer(1_234_567) == "1,234,567")
        #expect(Number.integer(999) == "999")
        #expect(Number.integer(-1000) == "-1,000")
        #expect(Number.decimal(12345.64) == "12,345.6")
        #expect(Number.decimal(0.25) == "0.25")
        #expect(Number.millisValue(0.0421) == "0.042")
        #expect(Number.millisValue(1.234) == "1.23")
        #expect(Number.millisValue(1234.4) == "1,234")
        #expect(Markup.ticks(upTo: 7.3) == [0, 2, 4, 6, 8])
        #expect(Markup.ticks(upTo: 0.9).last ?? 0 >= 0.9)
        #expect(LatencyCurveChart.label(nines: 0) == "0%")
        #expect(LatencyCurveChart.label(nines: 2) == "99%")
        #expect(LatencyCurveChart.label(nines: 4) == "99.99%")
    }
}
