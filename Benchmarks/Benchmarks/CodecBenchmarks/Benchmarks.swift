import Benchmark

let benchmarks: @Sendable () -> Void = {
    // CodecBenchmarks: filled in by the issue that owns this suite.
}
