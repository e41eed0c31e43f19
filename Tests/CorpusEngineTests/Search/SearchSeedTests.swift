import Foundation
import Testing

@testable import CorpusEngine

@Suite("Search on the seed article")
struct SearchSeedTests {
    let index: SearchIndex

    init() throws {
        let parsed = try ArticleParser().parse(bytes: Fixtures.seedBytes(), id: "000_f9a3dc24e25b1244", path: "seed")
        let filler = SearchFixtures.document("001_other", title: "Tin khác", body: ["Bài viết không liên quan."])
        self.index = SearchIndex(synchronouslyIndexing: [IndexDocument(article: parsed.article), filler])
    }

    @Test("'dai hoi dang bo' finds the seed with a highlighted snippet")
    func unaccentedPhraseWords() throws {
        let hits = Array(try self.index.search("dai hoi dang bo"))
        #expect(hits.map(\.articleID) == ["000_f9a3dc24e25b1244"])
        let hit = try #require(hits.first)
        #expect(hit.title == "An Phú tập trung chuẩn bị tốt Đại hội Đảng bộ các cấp")
        #expect(hit.publishedAt == "2019-11-12T08:21:00+07:00")
        #expect(!hit.snippet.highlights.isEmpty)
        for word in hit.snippet.highlightedTexts {
            #expect(["dai", "hoi", "dang", "bo"].contains(VietnameseText.fold(word)), "\(word)")
        }
        #expect(hit.snippet.highlightedTexts.contains("Đảng"))
    }

    @Test("'đang' finds the seed and highlights only its one 'đang', never 'Đảng'")
    func accentedExact() throws {
        let results = try self.index.search("đang")
        #expect(results.totalMatches == 1)
        let hit = try #require(Array(results).first)
        #expect(hit.articleID == "000_f9a3dc24e25b1244")
        #expect(hit.snippet.highlightedTexts == ["đang"])
        #expect(hit.snippet.text.contains("Đảng"))  // present in the passage, yet not highlighted
    }

    @Test("'dang' highlights 'Đảng' too")
    func unaccentedCoversAccented() throws {
        let hit = try #require(Array(try self.index.search("dang")).first)
        let words = Set(hit.snippet.highlightedTexts.map { $0.lowercased() })
        #expect(words.contains("đảng"))
        #expect(words.isSubset(of: ["đảng", "đang", "dạng", "dang", "đăng", "đáng", "dâng", "đằng", "dáng"]))
    }

    @Test("the seed has exactly one 'đang' and nineteen 'Đảng'/'đảng' in the index")
    func counts() throws {
        let compiler = QueryCompiler(index: self.index)
        let dang = try #require(compiler.terms(for: SyllableForms(normalized: "đang", folded: "dang")).first)
        let party = try #require(compiler.terms(for: SyllableForms(normalized: "đảng", folded: "dang")).first)
        let cursor = PostingCursor(index: self.index, term: Int(dang))
        var positions: [UInt32] = []
        cursor.appendPositions(to: &positions)
        #expect(positions.count == 1)
        let partyCursor = PostingCursor(index: self.index, term: Int(party))
        positions.removeAll()
        partyCursor.appendPositions(to: &positions)
        #expect(positions.count == 19)
    }

    @Test("phrase, title and entity-free filters on the seed")
    func seedQueries() throws {
        #expect(try SearchFixtures.ids(self.index, "\"Võ Anh Kiệt\"") == ["000_f9a3dc24e25b1244"])
        #expect(try SearchFixtures.ids(self.index, "35-CT/TW") == ["000_f9a3dc24e25b1244"])
        #expect(
            try SearchFixtures.ids(self.index, "title:\"dai hoi\" after:2019-11-01 before:2019-12-01") == [
                "000_f9a3dc24e25b1244"
            ]
        )
        #expect(try SearchFixtures.ids(self.index, "author:\"huu huynh\"") == ["000_f9a3dc24e25b1244"])
        #expect(try SearchFixtures.ids(self.index, "dai hoi before:2019-11-12").isEmpty)
    }
}
