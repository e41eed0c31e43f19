import Testing

@testable import CorpusEngine

/// Small hand-written articles for search tests.
enum SearchFixtures {
    static func document(
        _ id: String,
        title: String = "",
        lead: String = "",
        body: [String] = [],
        author: String = "",
        publishedAt: Int64? = nil
    ) -> IndexDocument {
        IndexDocument(
            id: id,
            title: title,
            lead: lead,
            paragraphs: body,
            author: author,
            publishedAt: publishedAt,
            publishedAtText: publishedAt.map { "t\($0)" } ?? ""
        )
    }

    /// Ids of all hits of a query, best first.
    static func ids(_ index: SearchIndex, _ query: String, options: SearchOptions = SearchOptions()) throws -> [String]
    {
        try index.search(query, options: options).map(\.articleID)
    }

    /// A deterministic synthetic corpus (syllables drawn from a small Vietnamese list).
    static func synthetic(count: Int, seed: UInt64 = 7) -> [IndexDocument] {
        let syllables = [
            "đại", "hội", "Đảng", "bộ", "đang", "dạng", "tỉnh", "huyện", "xã", "an", "phú", "ăn", "ấn", "nhân",
            "dân", "công", "tác", "cán", "kinh", "tế", "nông", "nghiệp", "hòa", "thủy", "quy", "hoạch", "năm",
            "2020-2025", "35-CT/TW", "chính", "trị", "văn", "hóa", "thể", "thao", "y", "tế", "giáo", "dục",
        ]
        var generator = SplitMix64(seed: seed)
        func sentence(_ n: Int) -> String {
            (0..<n).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined(separator: " ")
        }
        return (0..<count).map { k in
            document(
                "doc\(String(k + 100_000))",
                title: sentence(6),
                lead: sentence(20),
                body: (0..<3).map { _ in sentence(40) + "." },
                author: sentence(2),
                publishedAt: 1_500_000_000 + Int64(k) * 3_600
            )
        }
    }

    /// Expects `query`, unlimited and with each limit, to hit what the scorer tree does for it
    /// (an exclusion of an absent word sends it there), at least 5 matches, with scores equal to
    /// rounding: the tree's arithmetic differs in the last bits from the bulk loops'.
    static func expectAgreesWithTree(_ index: SearchIndex, _ query: String, limits: [Int?]) throws {
        let tree = Array(try index.search("\(query) -qqqq"))
        #expect(tree.count >= 5, "\(query)")
        for limit in limits {
            let results = try index.search(query, options: SearchOptions(limit: limit))
            let hits = Array(results)
            let expected = tree.prefix(limit ?? tree.count)
            #expect(results.totalMatches == tree.count, "\(query)")
            #expect(hits.map(\.articleID) == expected.map(\.articleID), "\(query) limit \(String(describing: limit))")
            for (hit, want) in zip(hits, expected) {
                #expect(abs(hit.score - want.score) <= 1e-12 * want.score, "\(query) \(hit.articleID)")
            }
        }
    }
}
