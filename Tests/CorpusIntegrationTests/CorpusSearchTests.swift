import CorpusClient
import CorpusEngine
import CorpusProtocol
import CorpusServer
import CorpusTestSupport
import NIOCore
import Testing

/// `Search` end to end: the real client against the real server.
@Suite("Search through the client library", .timeLimit(.minutes(1)))
struct CorpusSearchTests {
    func withServer(
        _ loaded: CorpusLoader.Result,
        initialCredit: Int? = nil,
        _ body: @Sendable (CorpusClient, CorpusServer) async throws -> Void
    ) async throws {
        try await withCorpusTestServer(corpus: loaded.corpus, loadSummary: loaded.summary) { address, server in
            let target = CorpusClient.Target(host: "127.0.0.1", port: address.port!)
            var configuration = CorpusClient.Configuration.defaults(target: target)
            if let initialCredit { configuration.connection.settings.initialCredit = initialCredit }
            try await withCorpusClient(configuration) { client in
                try await body(client, server)
            }
        }
    }

    func highlighted(_ hit: Corpus_V1_SearchHit) -> [String] {
        let scalars = Array(hit.snippet.text.unicodeScalars)
        return hit.snippet.highlights.map { String(String.UnicodeScalarView(scalars[Int($0.start)..<Int($0.end)])) }
    }

    @Test("the seed: unaccented words find Đại hội Đảng bộ; Đảng and đang are told apart")
    func seedAcceptance() async throws {
        try await withServer(try await loadSeedCorpus()) { client, _ in
            let phrase = client.search("dai hoi dang bo")
            var hits: [Corpus_V1_SearchHit] = []
            for try await hit in phrase { hits.append(hit) }
            #expect(hits.map(\.articleID) == ["000_f9a3dc24e25b1244"])
            #expect(phrase.summary?.totalMatches == 1)
            #expect(phrase.summary?.returned == 1)
            #expect(!(hits.first.map(highlighted) ?? []).isEmpty)

            var dang: [Corpus_V1_SearchHit] = []
            for try await hit in client.search("đang") { dang.append(hit) }
            let dangWords = dang.flatMap(highlighted)
            #expect(!dangWords.isEmpty && dangWords.allSatisfy { $0 == "đang" })

            var folded: [Corpus_V1_SearchHit] = []
            for try await hit in client.search("dang") { folded.append(hit) }
            #expect(folded.flatMap(highlighted).contains { $0.lowercased() == "đảng" })
        }
    }

    @Test("a malformed query is INVALID_ARGUMENT with the column")
    func malformed() async throws {
        try await withServer(try await loadSeedCorpus()) { client, _ in
            await #expect {
                for try await _ in client.search(#"dai "hoi"#) {}
            } throws: { error in
                guard let error = error as? CorpusError else { return false }
                return error.code == .invalidArgument && error.message.contains("column")
            }
            await #expect {
                for try await _ in client.search("dai", cursor: "not-a-cursor") {}
            } throws: { ($0 as? CorpusError)?.code == .invalidArgument }
        }
    }

    @Test("hits stream in rank order; a cursor resumes right after a hit")
    func rankOrderAndCursor() async throws {
        try await withServer(try await loadGeneratedCorpus(count: 120)) { client, _ in
            var all: [Corpus_V1_SearchHit] = []
            let stream = client.search("huyện", limit: 40)
            for try await hit in stream { all.append(hit) }
            #expect(all.count == 40)
            #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score })
            #expect(all.map(\.rank) == (1...40).map { UInt32($0) })
            #expect((stream.summary?.totalMatches ?? 0) >= 40)

            var resumed: [Corpus_V1_SearchHit] = []
            for try await hit in client.search("huyện", limit: 10, cursor: all[19].cursor) { resumed.append(hit) }
            #expect(resumed.map(\.articleID) == all[20..<30].map(\.articleID))
        }
    }

    @Test("leaving a search early cancels it on the server")
    func cancellation() async throws {
        // A small credit window, so the server cannot finish the call before the CANCEL arrives
        // however fast it is: it stops after `credit` hits and waits for more credit.
        let credit = 16
        try await withServer(try await loadGeneratedCorpus(count: 120), initialCredit: credit) { client, server in
            let query = "huyện OR xã OR tỉnh"
            let count = client.search(query, limit: 1)
            for try await _ in count {}
            let total = Int(count.summary?.totalMatches ?? 0)
            #expect(total > 4 * credit, "the query must match more hits than one credit window")
            var seen = 0
            for try await _ in client.search(query) {
                seen += 1
                if seen == 3 { break }
            }
            // The server records the call as CANCELLED once it has seen the CANCEL frame.
            var cancelled = 0
            for _ in 0..<1000 where cancelled == 0 {
                let stats = try await client.stats()
                cancelled = Int(
                    stats.server.methods.first { $0.method == CorpusMethods.search.descriptor.fullName }?
                        .byStatus["CANCELLED"] ?? 0
                )
            }
            #expect(cancelled == 1)
            let search = server.statistics.snapshot.methods[CorpusMethods.search.descriptor.fullName]
            // The first call sent 1 hit + 1 summary; the cancelled one at most one credit window
            // (the client grants more only after consuming half of it, and it took 3).
            #expect((search?.messagesSent ?? 0) - 2 <= credit, "the server stopped at the credit window")
            #expect((search?.messagesSent ?? 0) - 2 < total)
        }
    }
}
