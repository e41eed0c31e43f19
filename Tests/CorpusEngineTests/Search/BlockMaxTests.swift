import Testing

@testable import CorpusEngine

@Suite("Block-max pruning of limited searches")
struct BlockMaxTests {
    static let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 2_000, seed: 11))

    @Test("each skip block's weight is the largest weighted frequency of its postings")
    func blockWeightsBoundPostings() {
        let index = Self.index
        var blocked = 0
        for term in 0..<index.statistics.terms {
            let entries = index.skipTable.entries(of: term)
            guard !entries.isEmpty else { continue }
            blocked += 1
            let docs = index.docArena.pointer(at: index.docOffsets[term])
            let end = index.docArena.pointer(at: index.docOffsets[term + 1])
            let positions = index.positionArena.pointer(at: index.positionOffsets[term])
            var cursor = PostingCursor(docs: docs, docEnd: end, positions: positions)
            var weights: [Float] = []
            while cursor.doc != .max {
                weights.append((cursor.tf * index.fieldNorms[Int(cursor.doc)]).sum())
                cursor.next()
            }
            var expected: [Float] = []
            var start = 0
            while start < weights.count {
                let block = weights[start..<min(start + SkipTable.blockSize, weights.count)]
                expected.append(block.max() ?? 0)
                start += SkipTable.blockSize
            }
            #expect(expected.dropLast() == entries.map(\.pointee.maxWeight)[...], "term \(term)")
            #expect(expected.last == index.skipTable.tailWeight(of: term), "term \(term)")
        }
        #expect(blocked >= 20)
    }

    @Test("a common term's bitmap holds exactly the documents where it occurs outside the byline")
    func bitmapsHoldTextPostings() throws {
        let index = Self.index
        var covered: [Int] = []
        for term in 0..<index.statistics.terms {
            guard let bitmap = index.termBitmaps.bitmap(of: term) else { continue }
            covered.append(term)
            var cursor = PostingCursor(index: index, term: term)
            var expected = Set<Int>()
            while cursor.doc != .max {
                if cursor.fieldMask & IndexField.textMask != 0 { expected.insert(Int(cursor.doc)) }
                cursor.next()
            }
            let set = (0..<index.documentCount).filter { bitmap[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
            #expect(Set(set) == expected, "term \(term)")
        }
        #expect(covered.count >= 20)
        // A pair's intersection count is the size of the intersection of the sets.
        let a = try #require(index.termBitmaps.bitmap(of: covered[0]))
        let b = try #require(index.termBitmaps.bitmap(of: covered[1]))
        let both = (0..<index.documentCount).count {
            a[$0 >> 6] & b[$0 >> 6] & (1 << UInt64($0 & 63)) != 0
        }
        #expect(index.termBitmaps.intersectionCount([a, b]) == both)
        #expect(both > 0)
    }

    @Test(
        "a limited search of common words (and dates) skips stretches of documents, yet hits and counts as the scorer tree"
    )
    func prunedSearchAgreesWithTree() throws {
        let index = Self.index
        var skipped = 0
        let queries = [
            "đại hội", "công tác cán bộ", "bộ bộ", "huyện xã tỉnh", "đang dạng", "kinh tế", "đại hội after:2017-08-01",
            "kinh after:2017-08-01 before:2017-09-01", "bộ bộ before:2017-08-15",
        ]
        for query in queries {
            try SearchFixtures.expectAgreesWithTree(index, query, limits: [1, 3, 10, 200])
            // The same search, through the pruned loop itself: it applies, and skips.
            for limit in [1, 10] {
                var compiler = QueryCompiler(index: index)
                let root = try #require(compiler.compile(try SearchQuery(parsing: query).root) as? ConjunctionScorer)
                let plan = root.proximityPlan
                root.defersProximity = !plan.pairs.isEmpty
                let refiner = plan.pairs.isEmpty ? nil : ProximityRefiner(index: index, plan: plan)
                var top = TopMatches(limit: limit, cursor: nil, index: index, refiner: refiner)
                let finished = root.collectTop(index: index, into: &top, isCancelled: { false }, skipped: &skipped)
                #expect(finished == true, "\(query)")
                #expect(top.total == (try index.search("\(query) -qqqq").totalMatches), "\(query)")
            }
        }
        #expect(skipped >= 10)
    }

    @Test("a limited search of one common word skips blocks, with the scores of the full loop to the bit")
    func prunedWordAgreesWithFullLoop() throws {
        let index = Self.index
        var skipped = 0
        for word in ["đại", "bộ", "xã", "kinh"] {
            let all = Array(try index.search(word))
            #expect(all.count > 1_000, "\(word)")
            for limit in [1, 10, 200] {
                let results = try index.search(word, options: SearchOptions(limit: limit))
                #expect(results.totalMatches == all.count, "\(word)")
                let hits = Array(results)
                #expect(hits.map(\.articleID) == all.prefix(limit).map(\.articleID), "\(word) limit \(limit)")
                #expect(hits.map(\.score) == all.prefix(limit).map(\.score), "\(word) limit \(limit)")
                var compiler = QueryCompiler(index: index)
                let root = try #require(compiler.compile(try SearchQuery(parsing: word).root) as? TermScorer)
                var top = TopMatches(limit: limit, cursor: nil, index: index, refiner: nil)
                let finished = TermScorer.collectTop(
                    [root],
                    dateRange: nil,
                    index: index,
                    into: &top,
                    isCancelled: { false },
                    skipped: &skipped
                )
                #expect(finished == true, "\(word)")
            }
        }
        #expect(skipped >= 10)
    }

    @Test("the pruned loop stays out of queries whose matches its bitmaps cannot count")
    func prunedLoopDeclinesOtherShapes() throws {
        let index = Self.index
        for query in ["title:đại hội", "đại -hội", "dang hoi", "dang after:2017-08-01"] {
            var compiler = QueryCompiler(index: index)
            let root = compiler.compile(try SearchQuery(parsing: query).root)
            var top = TopMatches(limit: 3, cursor: nil, index: index, refiner: nil)
            let conjunction = try #require(root as? ConjunctionScorer)
            #expect(conjunction.collectTop(index: index, into: &top, isCancelled: { false }) == nil, "\(query)")
            try SearchFixtures.expectAgreesWithTree(index, query, limits: [3])
        }
        for query in ["title:đại", "dang"] {
            var compiler = QueryCompiler(index: index)
            let root = try #require(compiler.compile(try SearchQuery(parsing: query).root) as? TermScorer)
            var top = TopMatches(limit: 3, cursor: nil, index: index, refiner: nil)
            #expect(root.collectTop(index: index, into: &top, isCancelled: { false }) == nil, "\(query)")
        }
    }
}
