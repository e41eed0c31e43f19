import CorpusClient
import CorpusEngine
import CorpusProtocol
import CorpusServer
import CorpusTestSupport
import CorpusTransport
import NIOCore
import Testing

/// Every `corpus.v1` method through the real client against the real server on the seed corpus.
@Suite("Corpus service through the client library", .timeLimit(.minutes(1)))
struct CorpusServiceTests {
    static let seedID = "000_f9a3dc24e25b1244"

    func withSeedServer(
        compression: Bool = true,
        _ body: @Sendable (CorpusClient, CorpusServer) async throws -> Void
    ) async throws {
        let loaded = try await loadSeedCorpus()
        try await withCorpusTestServer(corpus: loaded.corpus, loadSummary: loaded.summary) { address, server in
            var configuration = CorpusClient.Configuration.defaults(
                target: .init(host: "127.0.0.1", port: address.port ?? 0)
            )
            configuration.connection.settings.acceptsZlib = compression
            try await withCorpusClient(configuration) { client in
                try await body(client, server)
            }
        }
    }

    @Test("GetArticle returns the parsed seed, with and without compression", arguments: [true, false])
    func getArticle(compression: Bool) async throws {
        try await withSeedServer(compression: compression) { client, _ in
            let article = try await client.article(id: Self.seedID)
            #expect(article.id == Self.seedID)
            #expect(article.title == "An Phú tập trung chuẩn bị tốt Đại hội Đảng bộ các cấp")
            #expect(article.publishedAt == "2019-11-12T08:21:00+07:00")
            #expect(article.author == "Hữu Huynh")
            #expect(article.sections.count >= 2)
            #expect(article.entities.contains { $0.name == "Võ Anh Kiệt" && $0.kind == .person })
            // Per-call opt-out of compression gives the same article.
            let plain = try await client.article(id: Self.seedID, options: CallOptions(compression: false))
            #expect(plain == article)
        }
    }

    @Test("unknown and empty article ids are NOT_FOUND and INVALID_ARGUMENT")
    func getArticleErrors() async throws {
        try await withSeedServer { client, _ in
            await #expect {
                try await client.article(id: "nope")
            } throws: { error in
                (error as? CorpusError)?.code == .notFound && (error as? CorpusError)?.message.contains("nope") == true
            }
            await #expect {
                try await client.article(id: "")
            } throws: { ($0 as? CorpusError)?.code == .invalidArgument }
        }
    }

    @Test("ListArticles streams summaries and applies its filters")
    func listArticles() async throws {
        try await withSeedServer { client, _ in
            var all: [Corpus_V1_ArticleSummary] = []
            for try await summary in client.articles() { all.append(summary) }
            #expect(all.map(\.id) == [Self.seedID])

            var filter = Corpus_V1_ListArticlesRequest()
            filter.after = "2020-01-01"
            var after: [String] = []
            for try await summary in client.articles(filter: filter) { after.append(summary.id) }
            #expect(after.isEmpty)

            filter = Corpus_V1_ListArticlesRequest()
            filter.author = "huu huynh"
            filter.entity = "vo anh kiet"
            var matching: [String] = []
            for try await summary in client.articles(filter: filter) { matching.append(summary.id) }
            #expect(matching == [Self.seedID])

            filter = Corpus_V1_ListArticlesRequest()
            filter.before = "yesterday"
            await #expect {
                for try await _ in client.articles(filter: filter) {}
            } throws: { ($0 as? CorpusError)?.code == .invalidArgument }
        }
    }

    @Test("LookupEntity finds people accent-insensitively, with articles and related entities")
    func lookupEntity() async throws {
        try await withSeedServer { client, _ in
            let found = try await client.entity(named: "vo anh kiet")
            #expect(found.entity.name == "Võ Anh Kiệt")
            #expect(found.entity.kind == .person)
            #expect(found.articles.map(\.articleID) == [Self.seedID])
            #expect(!found.related.isEmpty)
            await #expect {
                try await client.entity(named: "Nguyễn Văn Không Có")
            } throws: { ($0 as? CorpusError)?.code == .notFound }
            await #expect {
                try await client.entity(named: "  ")
            } throws: { ($0 as? CorpusError)?.code == .invalidArgument }
        }
    }

    @Test("SuggestEntities completes prefixes with and without diacritics")
    func suggest() async throws {
        try await withSeedServer { client, _ in
            let accented = try await client.suggestEntities(prefix: "Võ")
            #expect(accented.contains { $0.name == "Võ Anh Kiệt" })
            let plain = try await client.suggestEntities(prefix: "an ph", kind: .location)
            #expect(plain.contains { $0.name == "An Phú" })
            #expect(plain.allSatisfy { $0.kind == .location })
        }
    }

    @Test("Stats reports the corpus and the server's own counters")
    func stats() async throws {
        try await withSeedServer { client, _ in
            _ = try await client.article(id: Self.seedID)
            _ = try? await client.article(id: "nope")
            let stats = try await client.stats()
            #expect(stats.corpus.articles == 1)
            #expect(stats.corpus.entities > 0)
            #expect(stats.corpus.entitiesByKind["PERSON"] ?? 0 >= 2)
            #expect(stats.server.connectionsCurrent >= 1)
            #expect(stats.server.bytesIn > 0 && stats.server.bytesOut > 0)
            let getArticle = stats.server.methods.first { $0.method == "/corpus.v1.Corpus/GetArticle" }
            #expect(getArticle?.calls == 2)
            #expect(getArticle?.byStatus["OK"] == 1)
            #expect(getArticle?.byStatus["NOT_FOUND"] == 1)
        }
    }

    @Test("health and ServerInfo: SERVING, then NOT_SERVING during shutdown; methods listed")
    func healthAndMethods() async throws {
        try await withSeedServer { client, server in
            #expect(try await client.health() == .serving)
            #expect(try await client.health(service: "corpus.v1.Corpus") == .serving)
            #expect(try await client.health(service: "no.such.Service") == .serviceUnknown)
            let methods = try await client.methods()
            let names = Set(methods.methods.map(\.name))
            for method in CorpusMethods.all where method.fullName != CorpusMethods.search.descriptor.fullName {
                #expect(names.contains(method.fullName), "\(method.fullName) missing")
            }
            #expect(methods.methods.allSatisfy { $0.idempotent })
            server.service.setServing(false)
            #expect(try await client.health() == .notServing)
            server.service.setServing(true)
        }
    }
}
