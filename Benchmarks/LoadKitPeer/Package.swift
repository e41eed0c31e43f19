// swift-tools-version:6.1
//
// `corpus-peer`: our protocol plugged into the shared LoadKit load generator
// (../../../shared/peers/LoadKit), so that it is measured exactly like the grpc-swift-2 and bare
// SwiftNIO peers: same payloads (the seed article, 8-byte ping, 100 x 200-byte search messages),
// same closed-loop method, same result lines. See README.md ("Benchmarks") for how to run it.
import PackageDescription

let package = Package(
    name: "corpus-loadkit-peer",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "corpus", path: "../.."),
        .package(path: "../../../shared/peers/LoadKit"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "corpus-peer",
            dependencies: [
                .product(name: "CorpusServer", package: "corpus"),
                .product(name: "CorpusClient", package: "corpus"),
                .product(name: "CorpusTransport", package: "corpus"),
                .product(name: "CorpusProtocol", package: "corpus"),
                .product(name: "LoadKit", package: "LoadKit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/CorpusPeer",
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
