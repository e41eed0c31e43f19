import Histogram

/// The figures of one latency histogram, in milliseconds (`--json`: `latencyMillis` and friends).
struct LatencySummary: Sendable, Hashable, Codable {
    /// Values recorded.
    var count: UInt64
    var min: Double
    var mean: Double
    var p50: Double
    var p75: Double
    var p90: Double
    var p99: Double
    /// The 99.9th percentile.
    var p999: Double
    var max: Double

    /// The figures of `histogram` (microseconds).
    init(_ histogram: LatencyHistogram) {
        count = histogram.totalCount
        guard count > 0 else {
            (min, mean, p50, p75, p90, p99, p999, max) = (0, 0, 0, 0, 0, 0, 0, 0)
            return
        }
        min = Double(histogram.min) / 1000
        mean = histogram.mean / 1000
        p50 = histogram.milliseconds(at: 50)
        p75 = histogram.milliseconds(at: 75)
        p90 = histogram.milliseconds(at: 90)
        p99 = histogram.milliseconds(at: 99)
        p999 = histogram.milliseconds(at: 99.9)
        max = Double(histogram.maxRecorded) / 1000
    }

    /// The columns of the readable report, in order, with their labels.
    var columns: [(label: String, value: Double)] {
        [
            ("min", min), ("mean", mean), ("p50", p50), ("p75", p75), ("p90", p90), ("p99", p99), ("p99.9", p999),
            ("max", max),
        ]
    }
}
