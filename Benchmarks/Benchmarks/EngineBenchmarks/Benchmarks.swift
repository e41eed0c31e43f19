import Benchmark

let benchmarks: @Sendable () -> Void = {
    // EngineBenchmarks: filled in by the issue that owns this suite.
}
