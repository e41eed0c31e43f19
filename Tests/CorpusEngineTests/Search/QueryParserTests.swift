import Testing

@testable import CorpusEngine

@Suite("Query language")
struct QueryParserTests {
    @Test(
        "valid queries parse into the expected tree",
        arguments: [
            ("dai hoi", "(dai AND hoi)"),
            ("\"Đại hội\" Đảng", "(\"Đại hội\" AND Đảng)"),
            ("a b OR c", "(a AND (b OR c))"),
            ("a AND b", "(a AND b)"),
            ("a -b", "(a AND -b)"),
            ("a -\"b c\"", "(a AND -\"b c\")"),
            ("(a OR b) c", "((a OR b) AND c)"),
            ("title:hội", "title:hội"),
            ("title:\"đại hội\"", "title:\"đại hội\""),
            ("author:\"Hữu Huynh\"", "author:\"Hữu Huynh\""),
            ("entity:\"Võ Anh Kiệt\" kind:person", "(entity:\"Võ Anh Kiệt\" AND kind:person)"),
            ("đảng after:2019-01-01 before:2020-01-01", "(đảng AND after:2019-01-01 AND before:2020-01-01)"),
            ("Thể dục - Thể thao", "(Thể AND dục AND - AND Thể AND thao)"),
            ("35-CT/TW", "35-CT/TW"),
            ("-a b", "(-a AND b)"),
            ("a || b", "(a OR b)"),
        ]
    )
    func parses(query: String, expected: String) throws {
        #expect(try SearchQuery(parsing: query).description == expected)
    }

    @Test(
        "malformed queries report what and where",
        arguments: [
            ("", "empty query at column 1"),
            ("   ", "empty query at column 1"),
            ("dai \"hoi", "unclosed quote at column 5"),
            ("abcdef \"x", "unclosed quote at column 8"),
            ("OR dang", "OR needs a term on its left at column 1"),
            ("dang OR", "OR needs a term on its right at column 6"),
            ("a OR OR b", "OR needs a term on its right at column 3"),
            ("(a OR) b", "OR needs a term on its right at column 4"),
            ("a AND", "AND needs a term on its right at column 3"),
            ("AND a", "AND needs a term on its left at column 1"),
            ("(a b", "unclosed parenthesis at column 1"),
            ("a b)", "unmatched closing parenthesis at column 4"),
            ("a () b", "empty parentheses at column 3"),
            ("after:2019-13-01", "bad date '2019-13-01' (expected YYYY-MM-DD) at column 7"),
            ("x before:2019-02-30", "bad date '2019-02-30' (expected YYYY-MM-DD) at column 10"),
            ("after:yesterday", "bad date 'yesterday' (expected YYYY-MM-DD) at column 7"),
            ("foo:bar", "unknown field 'foo' (expected title, author, entity, kind, after or before) at column 1"),
            ("title: x", "missing value after 'title:' at column 1"),
            ("a title:", "missing value after 'title:' at column 3"),
            (
                "kind:animal",
                "unknown entity kind 'animal' (expected person, location, organization or document) at column 6"
            ),
            ("-a", "a query needs at least one term that is not excluded at column 1"),
            ("a OR -b", "an exclusion cannot be an alternative of OR at column 6"),
            ("entity:\" \"", "empty entity name at column 8"),
            ("title:(a)", "'title:' needs a word or a quoted phrase at column 7"),
        ]
    )
    func rejects(query: String, message: String) {
        #expect(throws: QuerySyntaxError.self) { try SearchQuery(parsing: query) }
        do {
            _ = try SearchQuery(parsing: query)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("too long and too many terms are rejected")
    func limits() {
        let long = String(repeating: "a", count: SearchQuery.maximumLength + 1)
        #expect(throws: QuerySyntaxError.self) { try SearchQuery(parsing: long) }
        let many = Array(repeating: "a", count: SearchQuery.maximumClauses + 1).joined(separator: " ")
        do {
            _ = try SearchQuery(parsing: many)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.hasPrefix("too many terms"))
            #expect(error.column == SearchQuery.maximumClauses * 2 + 1)
        }
        let deep = String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)
        #expect(throws: QuerySyntaxError.self) { try SearchQuery(parsing: deep) }
    }

    @Test("dates are days in Vietnam's time zone")
    func days() throws {
        let day = try #require(QueryParser.parseDay("2019-11-12"))
        // 2019-11-12T00:00:00+07:00 == 2019-11-11T17:00:00Z
        #expect(day.midnightInVietnam == 1_573_491_600)
        #expect(QueryParser.parseDay("2020-02-29") != nil)
        #expect(QueryParser.parseDay("2019-02-29") == nil)
        #expect(QueryParser.parseDay("2019-1-01") == nil)
    }

    @Test("random input never crashes the parser or the search")
    func fuzz() throws {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array(
            "ab đảng ĐẠI\"()-:OR AND title:entity:kind:after:before:2019-01-01 |&!*\\\u{0301}\u{00A0}\t\n"
        )
        let index = SearchIndex(synchronouslyIndexing: [
            IndexDocument(id: "a", title: "Đại hội Đảng bộ", lead: "đang chuẩn bị", publishedAt: 1_573_491_600)
        ])
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 40)
            let query = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            do {
                let results = try index.search(query)
                for hit in results { _ = hit.snippet.highlightedTexts }
            } catch {
                #expect(error.code == .invalidQuery)
            }
        }
    }
}

/// A small deterministic random generator for fuzz tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
