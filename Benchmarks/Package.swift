// swift-tools-version:6.1
//
// Benchmarks live in their own package (as in swift-nio and grpc-swift) so that `swift build`
// and `swift test` of the main package stay fast. Run from this folder:
//
//   swift package benchmark                         # all suites
//   swift package benchmark --target CodecBenchmarks
//
// Allocation thresholds (deterministic) are checked in under Thresholds/6.3/.
import PackageDescription

let package = Package(
    name: "benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "corpus", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "CZlibBaseline",
            path: "Sources/CZlibBaseline",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .executableTarget(
            name: "CodecBenchmarks",
            dependencies: [
                "CZlibBaseline",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CorpusProtocol", package: "corpus"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/CodecBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CorpusEngine", package: "corpus"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "LoopbackBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CorpusClient", package: "corpus"),
                .product(name: "CorpusServer", package: "corpus"),
                .product(name: "CorpusEngine", package: "corpus"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/LoopbackBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
