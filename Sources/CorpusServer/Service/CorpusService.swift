public import CorpusEngine
internal import CorpusProtocol
public import CorpusTransport
internal import NIOCore
internal import Synchronization

/// The `corpus.v1` methods (`PROTOCOL.md` § 9) over a loaded ``CorpusEngine/Corpus``.
///
/// Articles never change, so each `GetArticle` response is serialized and zlib-compressed once,
/// when the service is created, and `GetArticle` answers inline on the event loop with those
/// bytes. The other methods run as tasks.
public final class CorpusService: Sendable {
    /// What the service needs to know besides the corpus.
    public struct Configuration: Sendable {
        /// Pre-encode `GetArticle` responses up to this many bytes of article text in total
        /// (beyond it, responses are encoded per call).
        public var precomputeLimitBytes: Int
        /// The zlib level for the pre-compressed articles.
        public var precomputeCompressionLevel: Int

        /// 4 GiB of text and level 6.
        public static var defaults: Configuration {
            Configuration(precomputeLimitBytes: 4 << 30, precomputeCompressionLevel: 6)
        }

        public init(precomputeLimitBytes: Int, precomputeCompressionLevel: Int) {
            self.precomputeLimitBytes = precomputeLimitBytes
            self.precomputeCompressionLevel = precomputeCompressionLevel
        }
    }

    let corpus: Corpus
    let loadSummary: LoadSummary?
    let statistics: ServerStatistics?
    /// `GetArticle` responses, by article index; empty when over the precompute limit.
    let encodedArticles: [EncodedMessage]
    /// `LookupEntity` details, computed once per entity on first use.
    let entityDetails = EntityDetailsCache()
    private let serving = Atomic<Bool>(true)

    /// Creates the service, pre-encoding the articles on all cores.
    ///
    /// - Parameters:
    ///   - corpus: The loaded corpus.
    ///   - loadSummary: The loader's summary, reported by `Stats`.
    ///   - statistics: The server's counters, reported by `Stats`.
    ///   - configuration: Precomputation limits.
    public init(
        corpus: Corpus,
        loadSummary: LoadSummary? = nil,
        statistics: ServerStatistics? = nil,
        configuration: Configuration = .defaults
    ) async {
        self.corpus = corpus
        self.loadSummary = loadSummary
        self.statistics = statistics
        if corpus.textByteCount <= configuration.precomputeLimitBytes {
            self.encodedArticles = await Self.encodeArticles(
                corpus,
                level: configuration.precomputeCompressionLevel
            )
        } else {
            self.encodedArticles = []
        }
    }

    /// Whether the health check reports `SERVING`.
    public var isServing: Bool {
        get { serving.load(ordering: .relaxed) }
    }

    /// Makes the health check report `NOT_SERVING` (for example while shutting down).
    public func setServing(_ value: Bool) {
        serving.store(value, ordering: .relaxed)
    }

    /// Registers every `corpus.v1` method on `router`. Call it last if `ServerInfo/ListMethods`
    /// should list methods registered by others too.
    public func register(in router: inout RPCRouter) {
        registerArticles(in: &router)
        registerEntities(in: &router)
        registerSearch(in: &router)
        registerStats(in: &router)
        registerHealth(in: &router)
        registerServerInfo(in: &router, methods: router.methods + [CorpusMethods.listMethods.descriptor])
    }

    /// Serializes every article (with its entities) and compresses it, in parallel.
    private static func encodeArticles(_ corpus: Corpus, level: Int) async -> [EncodedMessage] {
        let count = corpus.articles.count
        guard count > 0 else { return [] }
        let workers = max(1, min(System.coreCount, count))
        let chunk = (count + workers - 1) / workers
        return await withTaskGroup(of: (Int, [EncodedMessage]).self) { group in
            for worker in 0..<workers {
                let range = (worker * chunk)..<min(count, (worker + 1) * chunk)
                guard !range.isEmpty else { continue }
                group.addTask {
                    let compressor = Zlib.Compressor(level: level)
                    defer { compressor.end() }
                    let encoded = range.map { index in
                        let message = Corpus_V1_Article(articleAt: index, in: corpus)
                        let bytes = (try? message.serializedBuffer()) ?? ByteBuffer()
                        return EncodedMessage(bytes: bytes, compressor: compressor)
                    }
                    return (range.lowerBound, encoded)
                }
            }
            var parts: [(Int, [EncodedMessage])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
