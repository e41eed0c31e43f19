import CorpusProtocol
import Testing

@testable import CorpusServer

@Suite("ListArticles date filters")
struct DateBoundTests {
    @Test(
        "dates are midnight in Vietnam; RFC 3339 keeps its offset",
        arguments: [
            ("2019-11-12", Int64(1_573_491_600)),
            ("2019-11-12T08:21:00+07:00", Int64(1_573_521_660)),
            ("2019-11-12T01:21:00Z", Int64(1_573_521_660)),
            ("2019-11-11T20:21:00-05:00", Int64(1_573_521_660)),
        ]
    )
    func parses(text: String, seconds: Int64) throws {
        #expect(try DateBound(text, field: "after")?.seconds == seconds)
    }

    @Test(
        "bad dates are INVALID_ARGUMENT naming the field",
        arguments: [
            "yesterday", "2019-13-01", "2019-02-30", "2019-1-1", "2019-11-12T25:00:00Z", "2019-11-12T08:21:00",
        ]
    )
    func rejects(text: String) {
        #expect {
            try DateBound(text, field: "before")
        } throws: { error in
            "\(error)".contains("before")
        }
    }

    @Test("an empty filter is no filter")
    func empty() throws {
        #expect(try DateBound("", field: "after") == nil)
    }
}

@Suite("EntityDetailsCache")
struct EntityDetailsCacheTests {
    @Test("details are computed once per entity and limits, then served from the cache")
    func cachesOnce() {
        let cache = EntityDetailsCache(capacity: 2)
        var computed = 0
        for _ in 0..<3 {
            _ = cache.response(entityIndex: 1, maxArticles: 50, maxRelated: 20) {
                computed += 1
                return .init()
            }
        }
        #expect(computed == 1)
        _ = cache.response(entityIndex: 1, maxArticles: 10, maxRelated: 20) {
            computed += 1
            return .init()
        }
        #expect(computed == 2, "other limits are another entry")
    }
}
