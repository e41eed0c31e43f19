import Histogram

/// The latency histograms of a run: microseconds, three significant digits, growing as needed
/// (so a 30-second stall is recorded as well as a 40 µs call).
typealias LatencyHistogram = Histogram<UInt64>

extension Histogram where Count == UInt64 {
    /// An empty latency histogram. Every histogram of a run has this layout, so any two can be
    /// merged with `add(_:)`.
    ///
    /// It starts sized for values up to about a second and grows past that as needed. Growing is
    /// slow in hdrhistogram-swift (an unspecialized generic append), and a histogram that starts
    /// small grows several times in its first few records: with every worker doing that at the
    /// start of a run (and on every fresh per-second interval), the bench measured its own resizes
    /// as 100-250 ms of latency in its first second. The copy shares the template's storage until
    /// its first record, which then copies 90 KB once.
    static func makeLatency() -> Histogram<UInt64> {
        latencyTemplate
    }

    private static let latencyTemplate: Histogram<UInt64> = {
        var histogram = Histogram<UInt64>(
            lowestDiscernibleValue: 1,
            highestTrackableValue: 1 << 20,
            numberOfSignificantValueDigits: .three
        )
        histogram.autoResize = true
        return histogram
    }()

    /// Records a duration in microseconds.
    mutating func record(_ duration: Duration) {
        record(duration.histogramMicroseconds)
    }

    /// The value at `percentile` (0...100) in milliseconds.
    func milliseconds(at percentile: Double) -> Double {
        Double(valueAtPercentile(percentile)) / 1000
    }
}
