// swift-tools-version:6.1
//
// The Vietnamese news-corpus service: a binary RPC protocol (Protocol/PROTOCOL.md), the corpus
// engine, a SwiftNIO server, a client library and the `corpus` command-line tool.
//
// Dependencies point downwards only:
//
//   CorpusCLI ──► CorpusServer ──► CorpusTransport ──► CorpusProtocol ──► CZlib
//        │              └────────► CorpusEngine
//        └─────► CorpusClient ───► CorpusTransport
//
// CorpusEngine knows nothing about the wire; CorpusProtocol knows nothing about sockets or
// articles beyond the generated schema; CorpusClient never builds the engine.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "corpus",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CorpusClient", targets: ["CorpusClient"]),
        .library(name: "CorpusServer", targets: ["CorpusServer"]),
        .library(name: "CorpusEngine", targets: ["CorpusEngine"]),
        .library(name: "CorpusProtocol", targets: ["CorpusProtocol"]),
        .library(name: "CorpusTransport", targets: ["CorpusTransport"]),
        .executable(name: "corpus", targets: ["CorpusCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    ],
    targets: [
        // MARK: - Wire protocol

        .target(
            name: "CZlib",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(
            name: "CorpusProtocol",
            dependencies: [
                "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Generated/README.md"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CorpusTransport",
            dependencies: [
                "CorpusProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Corpus engine (no networking)

        .target(
            name: "CorpusEngine",
            swiftSettings: swiftSettings
        ),

        // MARK: - Server and client

        .target(
            name: "CorpusServer",
            dependencies: [
                "CorpusTransport",
                "CorpusProtocol",
                "CorpusEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CorpusClient",
            dependencies: [
                "CorpusTransport",
                "CorpusProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Command-line tool

        .executableTarget(
            name: "CorpusCLI",
            dependencies: [
                "CorpusServer",
                "CorpusClient",
                "CorpusEngine",
                "CorpusProtocol",
                "CorpusTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Test support

        .target(
            name: "CorpusTestSupport",
            dependencies: [
                "CorpusServer",
                "CorpusClient",
                "CorpusTransport",
                "CorpusProtocol",
                "CorpusEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests

        .testTarget(
            name: "CorpusProtocolTests",
            dependencies: [
                "CorpusProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CorpusTransportTests",
            dependencies: [
                "CorpusTransport",
                "CorpusProtocol",
                "CorpusTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CorpusEngineTests",
            dependencies: ["CorpusEngine"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CorpusServerTests",
            dependencies: [
                "CorpusServer",
                "CorpusEngine",
                "CorpusProtocol",
                "CorpusTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CorpusClientTests",
            dependencies: [
                "CorpusClient",
                "CorpusProtocol",
                "CorpusTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CorpusIntegrationTests",
            dependencies: [
                "CorpusClient",
                "CorpusServer",
                "CorpusEngine",
                "CorpusProtocol",
                "CorpusTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CorpusCLITests",
            dependencies: [
                "CorpusCLI",
                "CorpusTestSupport",
                "CorpusEngine",
                "CorpusProtocol",
                "CorpusClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
