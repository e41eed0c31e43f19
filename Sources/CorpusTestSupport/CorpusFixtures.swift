public import CorpusEngine
public import CorpusServer
internal import Foundation
public import Logging
public import NIOCore

/// The repository's files, found from this source file's path (SwiftPM resources cannot point
/// outside a target).
public enum RepositoryFiles {
    /// The repository root.
    public static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `seeds/`.
    public static var seeds: String { root + "/seeds" }

    /// `Protocol/vectors/`.
    public static var vectors: String { root + "/Protocol/vectors" }
}

/// Loads `seeds/` (with the search index) once per process.
public func loadSeedCorpus() async throws -> CorpusLoader.Result {
    try await CorpusLoader(options: .searchIndexed).load(directory: RepositoryFiles.seeds)
}

/// Runs a ``CorpusServer/CorpusServer`` over `corpus` on `127.0.0.1` with an ephemeral port for
/// the duration of `body`, then shuts it down gracefully.
public func withCorpusTestServer<Result: Sendable>(
    corpus: Corpus,
    loadSummary: LoadSummary? = nil,
    configuration: CorpusServer.Configuration = .defaults,
    logger: Logger = Logger(label: "test-server", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: @Sendable (SocketAddress, CorpusServer) async throws -> Result
) async throws -> Result {
    var configuration = configuration
    configuration.rpc.host = "127.0.0.1"
    configuration.rpc.port = 0
    let server = await CorpusServer(
        corpus: corpus,
        loadSummary: loadSummary,
        configuration: configuration,
        logger: logger
    )
    return try await withRunningServer(
        server,
        run: { try await $0.run() },
        address: { try await $0.listeningAddress },
        shutDown: { $0.beginGracefulShutdown() },
        body
    )
}

/// Writes `count` generated articles (``CorpusEngine/CorpusGenerator``) to a fresh temporary
/// directory and loads them with the search index. Loaded once per process for each count and
/// seed (the corpus is immutable).
public func loadGeneratedCorpus(count: Int, seed: UInt64 = 7) async throws -> CorpusLoader.Result {
    try await GeneratedCorpusCache.shared.load(count: count, seed: seed)
}

private actor GeneratedCorpusCache {
    static let shared = GeneratedCorpusCache()
    private var loaded: [String: Task<CorpusLoader.Result, any Error>] = [:]

    func load(count: Int, seed: UInt64) async throws -> CorpusLoader.Result {
        let key = "\(count)-\(seed)"
        if let task = loaded[key] { return try await task.value }
        let task = Task { try await generateAndLoad(count: count, seed: seed) }
        loaded[key] = task
        return try await task.value
    }
}

private func generateAndLoad(count: Int, seed: UInt64) async throws -> CorpusLoader.Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("corpus-test-\(count)-\(seed)-\(UInt64.random(in: 0...UInt64.max))").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    _ = try await CorpusGenerator(seed: seed).write(count: count, to: directory)
    return try await CorpusLoader(options: .searchIndexed).load(directory: directory)
}
