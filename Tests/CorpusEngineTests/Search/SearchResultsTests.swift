import Testing

@testable import CorpusEngine

@Suite("Search results: snippets, cursors, streaming")
struct SearchResultsTests {
    @Test("highlights are scalar ranges covering exactly the matched syllables")
    func highlights() throws {
        let long = (0..<40).map { "câu số \($0) nói về công tác" }.joined(separator: ", ")
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document(
                "a",
                title: "Đại hội Đảng bộ",
                lead: "Tin vắn.",
                body: [long + ". Chuẩn bị Đại hội Đảng bộ huyện và đại hội các chi bộ. " + long]
            )
        ])
        let hit = try #require(try index.search("dai hoi dang bo").first { _ in true })
        let snippet = hit.snippet
        #expect(snippet.text.unicodeScalars.count <= 200 + 2)
        #expect(snippet.text.contains("Đại hội Đảng bộ huyện"))
        #expect(snippet.text.hasPrefix("\u{2026}") && snippet.text.hasSuffix("\u{2026}"))
        let words = snippet.highlightedTexts
        #expect(words.count >= 4)
        for word in words {
            #expect(["đại", "hội", "đảng", "bộ"].contains(word.lowercased()), "\(word)")
        }
        // Cut at word boundaries: the text inside the ellipses starts and ends with whole words.
        let inner = snippet.text.dropFirst().dropLast()
        #expect(long.contains(String(inner.prefix(while: { $0 != "." }).prefix(12))))
    }

    @Test("highlight offsets count Unicode scalars, not bytes or UTF-16 units")
    func scalarOffsets() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("a", title: "x", lead: "“Ngoặc” 😀 đặng và Đặng")
        ])
        let hit = try #require(try index.search("đặng").first { _ in true })
        #expect(hit.snippet.highlights == [.init(start: 10, end: 14), .init(start: 18, end: 22)])
        #expect(hit.snippet.highlightedTexts == ["đặng", "Đặng"])
    }

    @Test("a title-only match snippets the title; a filter-only query snippets the lead")
    func fallbacks() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document(
                "a",
                title: "Hội nghị tỉnh",
                lead: "Mở đầu bài.",
                body: ["Nội dung."],
                publishedAt: 10
            )
        ])
        let titleHit = try #require(try index.search("nghị").first { _ in true })
        #expect(titleHit.snippet.text == "Hội nghị tỉnh")
        #expect(titleHit.snippet.highlightedTexts == ["nghị"])
        let dateHit = try #require(try index.search("after:1970-01-01").first { _ in true })
        #expect(dateHit.snippet == Snippet(text: "Mở đầu bài.", highlights: []))
    }

    @Test("resuming after hit k yields exactly hits k+1... of the full list")
    func cursorResumption() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 300))
        for query in ["dang", "đại hội", "an OR hòa"] {
            let all = Array(try index.search(query))
            #expect(all.count > 10)
            #expect(all.map(\.rank) == Array(1...all.count))
            for k in [0, 1, 5, all.count / 2, all.count - 1] {
                let cursor = try #require(SearchCursor(encoded: all[k].cursor.encoded))
                let rest = Array(try index.search(query, options: SearchOptions(limit: 7, cursor: cursor)))
                let expected = Array(all[(k + 1)...].prefix(7))
                #expect(rest.map(\.articleID) == expected.map(\.articleID))
                #expect(rest.map(\.rank) == expected.map(\.rank))
            }
        }
    }

    @Test("results are in score order, ties by id, and the total ignores limit and cursor")
    func ordering() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 300))
        let results = try index.search("dang", options: SearchOptions(limit: 5))
        let hits = Array(results)
        #expect(hits.count == 5)
        let all = Array(try index.search("dang"))
        #expect(results.totalMatches == all.count)
        #expect(hits == Array(all.prefix(5)))
        for (a, b) in zip(all, all.dropFirst()) {
            #expect(a.score > b.score || (a.score == b.score && a.articleID < b.articleID))
        }
    }

    @Test("bad cursors are rejected by decoding")
    func badCursor() {
        #expect(SearchCursor(encoded: "") == nil)
        #expect(SearchCursor(encoded: "not base64!") == nil)
        #expect(SearchCursor(encoded: Base64URL.encode(Array("v2:0:a".utf8))) == nil)
        let cursor = SearchCursor(score: 1.25, articleID: "000_x")
        #expect(SearchCursor(encoded: cursor.encoded) == cursor)
    }

    @Test("a consumer that stops early causes no further snippet work")
    func lazyDelivery() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 300))
        let results = try index.search("dang")
        #expect(results.totalMatches > 100)
        var iterator = results.makeIterator()
        _ = iterator.next()
        _ = iterator.next()
        #expect(iterator.delivered == 2)
    }

    @Test("cancelling the consuming task stops the stream")
    func asyncCancellation() async throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 300))
        let results = try index.search("dang")
        let task = Task {
            var iterator = results.makeAsyncIterator()
            var seen = 0
            do {
                while try await iterator.next() != nil {
                    seen += 1
                    if seen == 3 { withUnsafeCurrentTask { $0?.cancel() } }
                }
            } catch is CancellationError {
                return (iterator.delivered, true)
            }
            return (iterator.delivered, false)
        }
        let (delivered, cancelled) = try await task.value
        #expect(cancelled)
        #expect(delivered == 3)
    }

    @Test("cancellation during scoring stops evaluation")
    func cancellationWhileScoring() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 3_000))
        var polls = 0
        do {
            _ = try index.search("dang") {
                polls += 1
                return true
            }
            Issue.record("expected cancellation")
        } catch {
            #expect(error.code == .cancelled)
        }
        #expect(polls == 1)
    }
}

@Suite("Lazy proximity refinement")
struct SearchRefinementTests {
    @Test("lazily refined order equals a full sort of exact scores, and refines only what it needs")
    func lazyEqualsEager() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 400))
        for query in ["đại hội", "dai hoi dang", "an phu -hòa", "công tác cán bộ"] {
            let results = try index.search(query)
            var iterator = results.makeIterator()
            var lazy: [SearchHit] = []
            while let hit = iterator.next() { lazy.append(hit) }
            #expect(lazy.count == results.totalMatches)
            // Exact scores of all hits must come out sorted (score desc, then id asc).
            for (a, b) in zip(lazy, lazy.dropFirst()) {
                #expect(a.score > b.score || (a.score == b.score && a.articleID < b.articleID), "\(query)")
            }
            // Only the first hits were refined when only the first hits were taken.
            var partial = results.makeIterator()
            _ = partial.next()
            if results.totalMatches > 100 { #expect(partial.refinedCount < results.totalMatches / 2, "\(query)") }
        }
    }

    @Test("a limit after a cursor returns exactly the next hits of the unlimited list, with their ranks")
    func limitAfterCursorEqualsSlice() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 400))
        let queries = [
            "đại hội", "công tác cán bộ", "dai hoi dang", "an phu -hòa", "đại hội after:2016-01-01", "cán",
            "\"đại hội\"",
        ]
        for query in queries {
            let all = Array(try index.search(query))
            #expect(all.count >= 10, "\(query)")
            for k in Set([0, 1, all.count / 2, all.count - 3]).sorted() {
                for limit in [1, 5, 20] {
                    let options = SearchOptions(limit: limit, cursor: all[k].cursor)
                    let results = try index.search(query, options: options)
                    let page = Array(results)
                    let expected = all[(k + 1)...].prefix(limit)
                    #expect(results.totalMatches == all.count, "\(query) after \(k)")
                    #expect(page.map(\.articleID) == expected.map(\.articleID), "\(query) after \(k) limit \(limit)")
                    #expect(page.map(\.score) == expected.map(\.score), "\(query) after \(k) limit \(limit)")
                    #expect(page.map(\.rank) == expected.map(\.rank), "\(query) after \(k) limit \(limit)")
                }
            }
        }
    }

    @Test("a date range keeps exactly the dated hits of the same query without it, scores unchanged")
    func dateRangeFiltersHits() throws {
        let documents = SearchFixtures.synthetic(count: 400)
        let index = SearchIndex(synchronouslyIndexing: documents)
        let published = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0.publishedAt ?? .min) })
        // 2017-07-20 and 2017-07-25 at midnight in Vietnam (UTC+7).
        let lower: Int64 = 1_500_483_600
        let upper: Int64 = 1_500_915_600
        for query in ["cán", "đại hội", "title:đại", "title:hội bộ", "công tác cán bộ"] {
            let all = Array(try index.search(query))
            let expected = all.filter { published[$0.articleID]! >= lower && published[$0.articleID]! < upper }
            #expect(!expected.isEmpty && expected.count < all.count, "\(query)")
            let ranged = "\(query) after:2017-07-20 before:2017-07-25"
            for limit in [nil, 3] {
                let hits = Array(try index.search(ranged, options: SearchOptions(limit: limit)))
                let want = expected.prefix(limit ?? expected.count)
                #expect(hits.map(\.articleID) == want.map(\.articleID), "\(ranged) limit \(String(describing: limit))")
                #expect(hits.map(\.score) == want.map(\.score), "\(ranged) limit \(String(describing: limit))")
            }
        }
    }

    @Test("a limited phrase search leaves candidates unchecked until the total is read, which stays exact")
    func prunedPhraseCounts() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 400))
        var pruned = 0
        for query in ["\"đại hội\"", "\"công tác\"", "\"cán bộ\"", "title:\"đại hội\"", "\"đảng bộ\""] {
            let all = Array(try index.search(query))
            #expect(!all.isEmpty, "\(query)")
            for limit in [1, 3, 10] {
                let results = try index.search(query, options: SearchOptions(limit: limit))
                let hits = Array(results)
                if results.matchCount.isPending { pruned += 1 }
                #expect(results.totalMatches == all.count, "\(query) limit \(limit)")
                #expect(!results.matchCount.isPending)
                #expect(results.totalMatches == all.count, "\(query) limit \(limit), read twice")
                #expect(hits.map(\.articleID) == all.prefix(limit).map(\.articleID), "\(query) limit \(limit)")
                #expect(hits.map(\.score) == all.prefix(limit).map(\.score), "\(query) limit \(limit)")
            }
        }
        // The bound left something unchecked in most of them, or this test checks nothing new.
        #expect(pruned >= 10)
    }

    @Test("a word repeated in the query matches and scores as through the generic scorer tree")
    func repeatedWordsAgreeWithGenericLoop() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 400))
        for query in ["đại đại", "hội đại hội", "cán bộ cán", "bộ bộ bộ"] {
            try SearchFixtures.expectAgreesWithTree(index, query, limits: [nil, 5])
        }
    }

    @Test("a word typed without diacritics matches and scores as its merged variants in the scorer tree")
    func unaccentedWordAgreesWithMerge() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 400))
        for query in ["dang", "an", "hoa", "title:dang", "author:an", "thuy"] {
            try SearchFixtures.expectAgreesWithTree(index, query, limits: [nil, 3])
        }
    }

    @Test("common words typed without diacritics match and score as in the scorer tree, bonus included")
    func unaccentedWordsAgreeWithTree() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 400))
        for query in [
            "dai hoi dang bo", "dang an", "hoa an dang", "title:dang an", "cong tac can bo", "dang dang",
            "an dang dang",
        ] {
            // The exclusion of an absent word sends the query through the scorer tree, whose
            // arithmetic differs in the last bits (as before the table loop): equal to rounding.
            let tree = Array(try index.search("\(query) -qqqq"))
            #expect(tree.count >= 5, "\(query)")
            let all = Array(try index.search(query))
            #expect(all.map(\.articleID) == tree.map(\.articleID), "\(query)")
            for (hit, want) in zip(all, tree) {
                #expect(abs(hit.score - want.score) <= 1e-12 * want.score, "\(query) \(hit.articleID)")
            }
            for limit in [1, 4] {
                let results = try index.search(query, options: SearchOptions(limit: limit))
                #expect(results.totalMatches == all.count, "\(query)")
                let hits = Array(results)
                #expect(hits.map(\.articleID) == all.prefix(limit).map(\.articleID), "\(query) limit \(limit)")
                #expect(hits.map(\.score) == all.prefix(limit).map(\.score), "\(query) limit \(limit)")
            }
            // A page after a cursor continues the unlimited list.
            let k = all.count / 3
            let page = Array(try index.search(query, options: SearchOptions(limit: 3, cursor: all[k].cursor)))
            #expect(page.map(\.articleID) == all[(k + 1)...].prefix(3).map(\.articleID), "\(query) after \(k)")
            #expect(page.map(\.rank) == all[(k + 1)...].prefix(3).map(\.rank), "\(query) after \(k)")
        }
    }

    @Test("a limit returns exactly the first hits of the unlimited list")
    func limitEqualsPrefix() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 400))
        for query in ["đại hội", "công tác cán bộ", "dai hoi dang", "an phu -hòa", "đại hội after:2016-01-01"] {
            let all = Array(try index.search(query))
            for limit in [1, 3, 10, 25] {
                let limited = Array(try index.search(query, options: SearchOptions(limit: limit)))
                #expect(limited.map(\.articleID) == all.prefix(limit).map(\.articleID), "\(query) limit \(limit)")
                #expect(limited.map(\.score) == all.prefix(limit).map(\.score), "\(query) limit \(limit)")
            }
        }
    }

    @Test("the proximity bonus matches an eager computation")
    func bonusMatchesEager() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("a", body: ["đại hội biểu các nơi"]),
            SearchFixtures.document("b", body: ["đại biểu hội các nơi"]),
            SearchFixtures.document("c", body: ["hội đại biểu các nơi"]),
        ])
        let hits = Array(try index.search("đại hội"))
        #expect(hits.map(\.articleID) == ["a", "b", "c"])
        #expect(hits[0].score > hits[1].score && hits[1].score > hits[2].score)
    }

    @Test("lazy proximity (root conjunction) and eager proximity (nested conjunction) give the same scores")
    func lazyAgreesWithEager() throws {
        let index = SearchIndex(synchronouslyIndexing: SearchFixtures.synthetic(count: 300))
        for words in ["đại hội", "công tác cán bộ", "dai hoi"] {
            let lazy = Dictionary(uniqueKeysWithValues: try index.search(words).map { ($0.articleID, $0.score) })
            // OR with a word absent from the corpus makes the conjunction a nested, eagerly scored node.
            let eager = Dictionary(
                uniqueKeysWithValues: try index.search("(\(words)) OR zzzzqqq").map { ($0.articleID, $0.score) }
            )
            #expect(lazy.count == eager.count, "\(words)")
            for (id, score) in lazy {
                let other = try #require(eager[id])
                #expect(abs(score - other) < 1e-9, "\(words) \(id)")
            }
        }
    }
}
