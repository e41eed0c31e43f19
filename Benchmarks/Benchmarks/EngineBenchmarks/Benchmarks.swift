import Benchmark

// EngineBenchmarks: each file registers its own suite through a function called here
// (search: SearchBenchmarks.swift).
let benchmarks: @Sendable () -> Void = {
    searchBenchmarks()
}
