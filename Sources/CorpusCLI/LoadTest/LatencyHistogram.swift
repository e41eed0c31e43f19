import Histogram

/// The latency histograms of a run: microseconds, three significant digits, growing as needed
/// (so a 30-second stall is recorded as well as a 40 µs call).
typealias LatencyHistogram = Histogram<UInt64>

extension Histogram where Count == UInt64 {
    /// An empty latency histogram. Every histogram of a run has this layout, so any two can be
    /// merged with `add(_:)`.
    static func makeLatency() -> Histogram<UInt64> {
        Histogram<UInt64>(numberOfSignificantValueDigits: .three)
    }

    /// Records a duration in microseconds.
    mutating func record(_ duration: Duration) {
        record(duration.histogramMicroseconds)
    }

    /// The value at `percentile` (0...100) in milliseconds.
    func milliseconds(at percentile: Double) -> Double {
        Double(valueAtPercentile(percentile)) / 1000
    }
}
