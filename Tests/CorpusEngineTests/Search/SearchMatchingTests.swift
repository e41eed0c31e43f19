import Testing

@testable import CorpusEngine

@Suite("Search matching rules")
struct SearchMatchingTests {
    let index = SearchIndex(synchronouslyIndexing: [
        SearchFixtures.document("party", title: "Đại hội Đảng bộ huyện", body: ["Chuẩn bị đại hội Đảng bộ các cấp."]),
        SearchFixtures.document("now", title: "Công việc", body: ["Các xã đang triển khai kế hoạch."]),
        SearchFixtures.document("form", title: "Hình thức", body: ["Nhiều dạng mô hình mới."]),
        SearchFixtures.document("plain", title: "Tên riêng", body: ["Ông Dang là kỹ sư."]),
        SearchFixtures.document("an", title: "An Phú", body: ["Người dân ăn Tết ở An Phú."]),
        SearchFixtures.document("tones", title: "Hoà bình", body: ["Thuỷ lợi và hòa giải."]),
    ])

    @Test("a word with diacritics matches only that syllable, in any case")
    func exactAccents() throws {
        #expect(try SearchFixtures.ids(self.index, "Đảng") == ["party"])
        #expect(try SearchFixtures.ids(self.index, "đảng") == ["party"])
        #expect(try SearchFixtures.ids(self.index, "đang") == ["now"])
        #expect(try SearchFixtures.ids(self.index, "dạng") == ["form"])
        #expect(try SearchFixtures.ids(self.index, "ĐANG") == ["now"])
    }

    @Test("a word without diacritics matches every accented variant")
    func folded() throws {
        #expect(try Set(SearchFixtures.ids(self.index, "dang")) == ["party", "now", "form", "plain"])
        #expect(try SearchFixtures.ids(self.index, "dai hoi dang bo") == ["party"])
        #expect(try Set(SearchFixtures.ids(self.index, "an")) == ["an"])
        #expect(try SearchFixtures.ids(self.index, "phu") == ["an"])
    }

    @Test("the plain unaccented form ranks no lower than an accented one")
    func plainFormRank() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("a-accented", body: ["đang làm việc"]),
            SearchFixtures.document("b-plain", body: ["dang làm việc"]),
        ])
        let hits = Array(try index.search("dang"))
        #expect(hits.count == 2)
        #expect(hits[0].score == hits[1].score)
    }

    @Test("tone placement conventions match each other")
    func tonePlacement() throws {
        #expect(try SearchFixtures.ids(self.index, "hòa") == ["tones"])
        #expect(try SearchFixtures.ids(self.index, "hoà") == ["tones"])
        #expect(try SearchFixtures.ids(self.index, "thủy") == ["tones"])
    }

    @Test("quoted phrases need adjacent syllables in order")
    func phrases() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("adjacent", body: ["tổ chức đại hội thành công"]),
            SearchFixtures.document("apart", body: ["đại biểu dự hội nghị"]),
            SearchFixtures.document("reversed", body: ["hội đại"]),
            SearchFixtures.document("split", body: ["ngày đại", "hội diễn"]),
        ])
        #expect(try SearchFixtures.ids(index, "\"đại hội\"") == ["adjacent"])
        #expect(try SearchFixtures.ids(index, "\"dai hoi\"") == ["adjacent"])
        #expect(try Set(SearchFixtures.ids(index, "đại hội")) == ["adjacent", "apart", "reversed", "split"])
    }

    @Test("adjacent syllables in order rank above the same syllables apart")
    func proximity() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("a-apart", body: ["đại biểu các nơi về dự hội nghị lớn"]),
            SearchFixtures.document("b-adjacent", body: ["đại hội biểu các nơi về dự nghị lớn"]),
        ])
        #expect(try SearchFixtures.ids(index, "đại hội") == ["b-adjacent", "a-apart"])
        #expect(try SearchFixtures.ids(index, "dai hoi") == ["b-adjacent", "a-apart"])
    }

    @Test("a title match outranks a body match; ties break by article id")
    func fieldBoostAndTies() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document("a-body", title: "Tin tức", body: ["Huyện tổ chức hội nghị"]),
            SearchFixtures.document("b-title", title: "Hội nghị", body: ["Huyện tổ chức tin tức"]),
            SearchFixtures.document("c-body", title: "Tin tức", body: ["Huyện tổ chức hội nghị"]),
        ])
        #expect(try SearchFixtures.ids(index, "hội nghị") == ["b-title", "a-body", "c-body"])
    }

    @Test("OR, exclusion and grouping")
    func booleans() throws {
        #expect(try Set(SearchFixtures.ids(self.index, "đảng OR đang")) == ["party", "now"])
        #expect(try Set(SearchFixtures.ids(self.index, "dang -đảng")) == ["now", "form", "plain"])
        #expect(try Set(SearchFixtures.ids(self.index, "dang -(đang OR dạng)")) == ["party", "plain"])
        #expect(try SearchFixtures.ids(self.index, "dang -\"đảng bộ\" -dạng -đang") == ["plain"])
    }

    @Test("field filters: title, author, dates")
    func fieldFilters() throws {
        let index = SearchIndex(synchronouslyIndexing: [
            SearchFixtures.document(
                "t",
                title: "Hội nghị tỉnh",
                body: ["x"],
                author: "Hữu Huynh",
                publishedAt: 1_546_275_600
            ),
            SearchFixtures.document(
                "b",
                title: "Tin",
                body: ["hội nghị"],
                author: "Thanh Tiến",
                publishedAt: 1_577_811_600
            ),
            SearchFixtures.document("n", title: "Tin", body: ["hội nghị"]),
        ])
        #expect(try SearchFixtures.ids(index, "title:hội") == ["t"])
        #expect(try SearchFixtures.ids(index, "title:\"hội nghị\"") == ["t"])
        #expect(try SearchFixtures.ids(index, "hội author:\"huu huynh\"") == ["t"])
        #expect(try SearchFixtures.ids(index, "author:Tiến") == ["b"])
        #expect(try SearchFixtures.ids(index, "huynh").isEmpty)  // the byline is not free text
        // 1_546_275_600 is 2019-01-01T00:00+07:00; 1_577_811_600 is 2020-01-01T00:00+07:00.
        #expect(try SearchFixtures.ids(index, "hội after:2019-01-01 before:2020-01-01") == ["t"])
        #expect(try SearchFixtures.ids(index, "hội after:2020-01-01") == ["b"])
        #expect(try Set(SearchFixtures.ids(index, "after:2019-01-01")) == ["t", "b"])
        #expect(try SearchFixtures.ids(index, "before:2019-01-01").isEmpty)
    }

    @Test("entity and kind filters")
    func entities() async throws {
        let documents = [
            SearchFixtures.document("e1", body: ["Phó Bí thư Võ Anh Kiệt làm việc với huyện An Phú."]),
            SearchFixtures.document("e2", body: ["Huyện An Phú triển khai kế hoạch."]),
            SearchFixtures.document("e3", body: ["Kế hoạch số 94-KH/TU."]),
        ]
        let entities = [
            IndexEntity(id: "person:vo-anh-kiet", name: "Võ Anh Kiệt", kind: .person, mentions: ["e1": 1]),
            IndexEntity(id: "location:an-phu", name: "An Phú", kind: .location, mentions: ["e1": 1, "e2": 1]),
            IndexEntity(
                id: "document:94-kh/tu",
                name: "Kế hoạch số 94-KH/TU",
                aliases: ["94-KH/TU"],
                kind: .document,
                mentions: ["e3": 1]
            ),
        ]
        let index = await SearchIndex(documents: documents, entities: entities)
        #expect(try SearchFixtures.ids(index, "entity:\"Võ Anh Kiệt\"") == ["e1"])
        #expect(try SearchFixtures.ids(index, "entity:\"vo anh kiet\"") == ["e1"])
        #expect(try Set(SearchFixtures.ids(index, "entity:\"An Phú\"")) == ["e1", "e2"])
        #expect(try SearchFixtures.ids(index, "entity:\"An Phú\" kind:person").isEmpty)
        #expect(try SearchFixtures.ids(index, "entity:94-KH/TU") == ["e3"])
        #expect(try SearchFixtures.ids(index, "kind:person") == ["e1"])
        #expect(try Set(SearchFixtures.ids(index, "kế hoạch kind:location OR kind:document")) == ["e2", "e3"])
    }

    @Test("a query with nothing searchable is an error with its column")
    func nothingSearchable() {
        do {
            _ = try self.index.search("!!! ???")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidQuery)
            #expect(error.message == "no searchable words at column 1")
        }
    }

    @Test("the parallel build gives the same results as the single-threaded one")
    func parallelBuild() async throws {
        let documents = SearchFixtures.synthetic(count: 5_000)
        let parallel = await SearchIndex(documents: documents)
        let single = SearchIndex(synchronouslyIndexing: documents)
        let (a, b) = (parallel.statistics, single.statistics)
        #expect(
            [a.documents, a.terms, a.foldedTerms, a.tokens, a.textBytes] == [
                b.documents, b.terms, b.foldedTerms, b.tokens, b.textBytes,
            ]
        )
        for query in ["đảng", "dang", "\"đại hội\"", "an phu", "35-CT/TW", "hòa -thể", "title:tỉnh after:2017-01-01"] {
            let a = try parallel.search(query, options: SearchOptions(limit: 50)).map { "\($0.articleID) \($0.score)" }
            let b = try single.search(query, options: SearchOptions(limit: 50)).map { "\($0.articleID) \($0.score)" }
            #expect(a == b, "\(query)")
            #expect(!a.isEmpty, "\(query)")
        }
    }
}
