import Benchmark

let benchmarks: @Sendable () -> Void = {
    // LoopbackBenchmarks: filled in by the issue that owns this suite.
}
