import CorpusEngine
import Foundation
import Synchronization
import Testing

@Suite("Corpus loader and store")
struct CorpusLoaderTests {
    /// A temporary corpus: the seed, the fixtures in a subfolder, a second article about Võ Anh Kiệt,
    /// an empty file, a non-UTF-8 file, a duplicate id and a non-.txt file.
    static func makeDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("corpus-loader-\(UUID().uuidString)")
        let nested = directory.appendingPathComponent("nested/deeper")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data(Fixtures.seedBytes()).write(to: directory.appendingPathComponent("000_f9a3dc24e25b1244.txt"))
        for name in ["entities.txt", "captions.txt", "credits.txt"] {
            try Data(Fixtures.bytes(name)).write(to: nested.appendingPathComponent(name))
        }
        let second = """
            Tỉnh ủy An Giang kiểm tra huyện Phú Tân

            13/11/2019 - 09:00

            \u{A0}-\u{A0} Đoàn kiểm tra do đồng chí Võ Anh Kiệt làm trưởng đoàn làm việc tại huyện Phú Tân.

            Ông Võ Anh Kiệt đề nghị huyện sớm hoàn thành Kế hoạch số 94-KH/TU.

            HỮU HUYNH
            """
        try Data(second.utf8).write(to: directory.appendingPathComponent("nested/001_second.txt"))
        try Data().write(to: directory.appendingPathComponent("empty.txt"))
        try Data([0x54, 0x69, 0xEA, 0x75, 0x0A, 0xFF, 0xFE]).write(to: directory.appendingPathComponent("latin1.txt"))
        try Data(Fixtures.bytes("no-date.txt")).write(to: nested.appendingPathComponent("entities.TXT"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("README.md"))
        return directory
    }

    @Test("The summary counts articles, entities and skipped files with reasons")
    func summary() async throws {
        let directory = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let calls = Mutex(0)
        let result = try await CorpusLoader(options: .init(concurrency: 2, chunkSize: 2))
            .load(directory: directory.path) { _ in calls.withLock { $0 += 1 } }
        let summary = result.summary
        #expect(summary.filesFound == 8)
        #expect(summary.articles == 5)
        #expect(summary.skipped.count == 3)
        let reasons = Dictionary(
            uniqueKeysWithValues: summary.skipped.map { ($0.path.split(separator: "/").last!, $0.reason) }
        )
        #expect(reasons["empty.txt"] == "empty file")
        #expect(reasons["latin1.txt"] == "not valid UTF-8")
        #expect(reasons["entities.txt"]?.hasPrefix("duplicate article id entities") == true)
        #expect(summary.entitiesByKind[.person, default: 0] >= 3)
        #expect(summary.fileBytes > summary.textBytes / 2)
        #expect(calls.withLock { $0 } == 4)
        #expect(
            result.corpus.articles.map(\.id) == [
                "000_f9a3dc24e25b1244", "001_second", "captions", "credits", "entities",
            ]
        )
    }

    @Test("Mentions merge across articles into one entity with a stable id")
    func merge() async throws {
        let directory = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = try await CorpusLoader().load(directory: directory.path).corpus
        let kiet = try #require(corpus.entity(id: "person:vo-anh-kiet"))
        #expect(kiet.name == "Võ Anh Kiệt")
        #expect(kiet.articleCount == 2)
        #expect(kiet.mentionCount == 7)
        #expect(kiet.roles == ["Phó Bí thư Thường trực Tỉnh ủy"])
        let plan = try #require(corpus.entity(id: "document:ke-hoach-so-94-kh-tu"))
        #expect(plan.articleCount == 2)
        let mentioning = corpus.articles(mentioning: try #require(corpus.entityIndex(id: kiet.id)))
        #expect(mentioning.map(\.article.id) == ["000_f9a3dc24e25b1244", "001_second"])
        #expect(mentioning.map(\.mentionCount) == [5, 2])
        let again = try await CorpusLoader(options: .init(concurrency: 1, chunkSize: 1)).load(directory: directory.path)
            .corpus
        #expect(again.entities.map(\.id) == corpus.entities.map(\.id))
        #expect(again.entities.map(\.name) == corpus.entities.map(\.name))
    }

    @Test("Lookups: exact, accent-insensitive, alias, prefix with kind, related")
    func lookups() async throws {
        let directory = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = try await CorpusLoader().load(directory: directory.path).corpus
        let exact = corpus.findEntities(named: "Võ Anh Kiệt")
        #expect(exact.first.map { corpus.entities[$0.entityIndex].id } == "person:vo-anh-kiet")
        #expect(exact.first?.quality == .exact)
        let folded = corpus.findEntities(named: "vo anh kiet")
        #expect(folded.first?.quality == .accentInsensitive)
        #expect(folded.first.map { corpus.entities[$0.entityIndex].id } == "person:vo-anh-kiet")
        let alias = corpus.findEntities(named: "UBND")
        #expect(alias.first.map { corpus.entities[$0.entityIndex].name } == "Ủy ban nhân dân")
        #expect(alias.first?.quality == .alias)
        #expect(corpus.findEntities(named: "An Phú", kind: .person).isEmpty)

        let suggestions = corpus.suggestEntities(prefix: "kiet", kind: .person)
        #expect(suggestions.map(\.id) == ["person:vo-anh-kiet"])
        let places = corpus.suggestEntities(prefix: "an", kind: .location, limit: 3)
        #expect(places.first?.name == "An Phú")
        #expect(places.count <= 3)
        #expect(
            corpus.suggestEntities(prefix: "Đả").allSatisfy {
                VietnameseText.key($0.name).contains("đả")
                    || $0.aliases.contains { VietnameseText.key($0).contains("đả") }
            }
        )

        let related = corpus.relatedEntities(to: try #require(corpus.entityIndex(id: "person:vo-anh-kiet")))
        #expect(related.first?.sharedArticles == 2)
        #expect(related.contains { $0.entity.id == "document:ke-hoach-so-94-kh-tu" })
    }

    @Test("A missing directory is an error")
    func missingDirectory() async {
        await #expect(throws: CorpusLoader.DirectoryError.self) {
            try await CorpusLoader().load(directory: "/nonexistent/corpus")
        }
    }

    @Test("Article ids come from file names")
    func ids() {
        #expect(CorpusLoader.articleID(forPath: "a/b/000_f9a3dc24e25b1244.txt") == "000_f9a3dc24e25b1244")
        #expect(CorpusLoader.articleID(forPath: "x.y.txt") == "x.y")
    }
}
