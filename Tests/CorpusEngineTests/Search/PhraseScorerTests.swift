import Testing

@testable import CorpusEngine

@Suite("Phrase matching")
struct PhraseScorerTests {
    @Test("a phrase at the start or the end of a field matches")
    func fieldEdges() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("start", body: ["đại hội thành công"]),
            SearchFixtures.document("end", body: ["tổ chức đại hội"]),
            SearchFixtures.document("whole", body: ["đại hội"]),
            SearchFixtures.document("lead", lead: "đại hội"),
            SearchFixtures.document("cut", body: ["tổ chức đại", "hội diễn"]),
        ])
        #expect(try Set(SearchFixtures.ids(index, "\"đại hội\"")) == ["start", "end", "whole", "lead"])
        #expect(try Set(SearchFixtures.ids(index, "\"dai hoi\"")) == ["start", "end", "whole", "lead"])
    }

    @Test("a repeated syllable must occur at each of its places")
    func repeatedTerms() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("twice", body: ["qua hai nhiệm kỳ nhiệm kỳ liên tiếp"]),
            SearchFixtures.document("three", body: ["nhiệm kỳ nhiệm kỳ nhiệm kỳ"]),
            SearchFixtures.document("once", body: ["nhiệm kỳ mới, nhiệm kỳ cũ"]),
            SearchFixtures.document("single", body: ["một nhiệm kỳ"]),
        ])
        #expect(try Set(SearchFixtures.ids(index, "\"nhiệm kỳ nhiệm kỳ\"")) == ["twice", "three"])
        #expect(try Set(SearchFixtures.ids(index, "\"nhiem ky nhiem ky\"")) == ["twice", "three"])
        // Overlapping occurrences count: three times in a row is two occurrences.
        let three = try #require(try index.search("\"nhiệm kỳ nhiệm kỳ\"").first { $0.articleID == "three" })
        let reference = try #require(Self.referenceHits(index, syllables: ["nhiệm", "kỳ", "nhiệm", "kỳ"])["three"])
        #expect(reference.occurrences == 2)
        #expect(three.score.bitPattern == reference.score.bitPattern)
    }

    @Test("every syllable present but not adjacent or not in order is no match")
    func notAdjacent() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("apart", body: ["lợi thế của du lịch"]),
            SearchFixtures.document("order", body: ["du lịch lợi thế"]),
            SearchFixtures.document("fields", title: "lợi thế", body: ["du lịch"]),
            SearchFixtures.document("match", title: "Du lịch", body: ["Lợi thế du lịch biển."]),
        ])
        #expect(try SearchFixtures.ids(index, "\"lợi thế du lịch\"") == ["match"])
        #expect(try SearchFixtures.ids(index, "du lịch -\"lợi thế du lịch\"").sorted() == ["apart", "fields", "order"])
    }

    @Test("a title phrase matches only in the title, a plain phrase in any text field")
    func titleAndBody() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("title", title: "Đại hội Đảng bộ", body: ["Tin vắn."]),
            SearchFixtures.document("body", title: "Tin vắn", body: ["Đại hội Đảng bộ tỉnh."]),
            SearchFixtures.document("author", title: "Tin", author: "Đại Hội"),
        ])
        #expect(try SearchFixtures.ids(index, "title:\"đại hội\"") == ["title"])
        #expect(try Set(SearchFixtures.ids(index, "\"đại hội\"")) == ["title", "body"])
        #expect(try SearchFixtures.ids(index, "author:\"đại hội\"") == ["author"])
        // The same occurrence count weighs more in the title.
        #expect(try SearchFixtures.ids(index, "\"đại hội đảng bộ\"") == ["title", "body"])
    }

    @Test(
        "hits and score bits equal a full decode of every position",
        arguments: [
            "\"đại hội\"", "\"dai hoi\"", "\"Đảng bộ tỉnh\"", "\"an phú\"", "\"an phu an\"", "\"hội hội\"",
            "\"đại hội đại hội\"", "title:\"đại hội\"", "\"y tế\"", "\"thể thao văn hóa\"", "\"năm 2020-2025\"",
        ]
    )
    func matchesReference(query: String) throws {
        let index = Self.synthetic
        let titleOnly = query.hasPrefix("title:")
        let syllables = try #require(query.split(separator: "\"", omittingEmptySubsequences: false).dropFirst().first)
        let expected = Self.referenceHits(
            index,
            syllables: syllables.split(separator: " ").map(String.init),
            fieldBits: titleOnly ? IndexField.title.bit : IndexField.textMask
        )
        let hits = try index.search(query)
        #expect(hits.totalMatches == expected.count)
        // A few phrases do not occur in the random text; the others must, for the check to mean much.
        let rare: Set = ["\"hội hội\"", "\"đại hội đại hội\"", "\"thể thao văn hóa\""]
        #expect(!expected.isEmpty || rare.contains(query))
        for hit in hits {
            #expect(hit.score.bitPattern == expected[hit.articleID]?.score.bitPattern, "\(query) \(hit.articleID)")
        }
        // As an exclusion (only whether it occurs is needed).
        let excluded = try Set(index.search("bộ -\(query)").map(\.articleID))
        let withTerm = try Set(index.search("bộ").map(\.articleID))
        #expect(excluded == withTerm.subtracting(expected.keys))
    }

    static let synthetic = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 800, seed: 11))

    /// Phrase occurrences and scores per article, from every position of every syllable (the
    /// straightforward check the scorer must agree with).
    static func referenceHits(
        _ index: SearchIndex,
        syllables: [String],
        fieldBits: UInt8 = IndexField.textMask
    ) -> [String: (occurrences: Int, score: Double)] {
        let compiler = QueryCompiler(index: index)
        let terms = syllables.map { compiler.terms(for: SyllableForms.syllables(of: $0)[0]) }
        let idf = terms.reduce(0.0) { total, variants in
            let df = variants.reduce(0) { $0 + Int(index.documentFrequency[Int($1)]) }
            return total + BM25.idf(documentFrequency: df, documents: index.documentCount)
        }
        var hits: [String: (occurrences: Int, score: Double)] = [:]
        for doc in 0..<UInt32(index.documentCount) {
            var lists: [[UInt32]] = []
            for variants in terms {
                let member = TermScorer(index: index, terms: variants, fieldBits: fieldBits)
                while member.doc < doc { _ = member.next() }  // one posting at a time, no skipping
                guard member.doc == doc else { break }
                lists.append(member.positions())
            }
            guard lists.count == terms.count else { continue }
            var tf = SIMD8<Float>(repeating: 0)
            var occurrences = 0
            for p in lists[0] where (1..<lists.count).allSatisfy({ lists[$0].contains(p + UInt32($0)) }) {
                tf[IndexChunk.field(of: p, starts: index.fieldStarts[Int(doc)])] += 1
                occurrences += 1
            }
            guard occurrences > 0 else { continue }
            let weighted = (tf * index.fieldNorms[Int(doc)]).sum()
            let score = BM25.score(weightedFrequency: weighted, idf: idf, k1: index.configuration.k1)
            hits[index.documents[Int(doc)].id] = (occurrences, score)
        }
        return hits
    }
}
