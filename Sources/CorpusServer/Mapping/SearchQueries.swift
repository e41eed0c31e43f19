public import CorpusEngine
public import CorpusProtocol

/// A search answered with wire messages: the logic of the `Search` RPC, shared with the CLI's
/// local mode.
public enum SearchQueries {
    /// Validates the request and runs the query (matching and scoring happen here; hits and
    /// their snippets are produced lazily while the result is iterated).
    ///
    /// - Parameters:
    ///   - request: Query, limit and cursor.
    ///   - corpus: A corpus loaded with a search index (``CorpusEngine/CorpusLoader/Options/searchIndexed``).
    ///   - isCancelled: Polled while scoring; returning `true` stops the search.
    /// - Throws: ``CorpusProtocol/CorpusError``: `INVALID_ARGUMENT` for an empty or malformed
    ///   query (the message says where) or a bad cursor, `UNIMPLEMENTED` without an index,
    ///   `CANCELLED`.
    public static func start(
        _ request: Corpus_V1_SearchRequest,
        in corpus: Corpus,
        isCancelled: () -> Bool = { false }
    ) throws -> SearchRun {
        let started = ContinuousClock.now
        guard let index = corpus.searchIndex as? SearchIndex else {
            throw CorpusError(code: .unimplemented, message: "this corpus was loaded without a search index")
        }
        guard !request.query.allSatisfy(\.isWhitespace) else {
            throw CorpusError(code: .invalidArgument, message: "the query is empty")
        }
        var cursor: SearchCursor?
        if !request.cursor.isEmpty {
            guard let decoded = SearchCursor(encoded: request.cursor) else {
                throw CorpusError(code: .invalidArgument, message: "invalid cursor \"\(request.cursor)\"")
            }
            cursor = decoded
        }
        let options = SearchOptions(limit: request.limit == 0 ? nil : Int(request.limit), cursor: cursor)
        do {
            let results = try index.search(request.query, options: options, isCancelled: isCancelled)
            return SearchRun(results: results, started: started)
        } catch {
            throw CorpusError(searchError: error)
        }
    }
}

/// The hits of one search as `SearchResponse` messages, produced lazily, and its summary.
public struct SearchRun: Sequence, Sendable {
    let results: SearchResults
    let started: ContinuousClock.Instant

    /// Matches regardless of limit and cursor.
    public var totalMatches: Int { results.totalMatches }

    public func makeIterator() -> Iterator {
        Iterator(base: results.makeIterator())
    }

    /// Produces one hit response at a time.
    public struct Iterator: IteratorProtocol {
        var base: SearchResults.Iterator

        public mutating func next() -> Corpus_V1_SearchResponse? {
            guard let hit = base.next() else { return nil }
            var response = Corpus_V1_SearchResponse()
            response.hit = Corpus_V1_SearchHit(hit)
            return response
        }
    }

    /// The closing summary, after `returned` hits.
    public func summary(returned: Int) -> Corpus_V1_SearchResponse {
        var summary = Corpus_V1_SearchSummary()
        summary.totalMatches = UInt64(results.totalMatches)
        summary.returned = UInt32(clamping: returned)
        let elapsed = ContinuousClock.now - started
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        summary.elapsedMicros = UInt64(Swift.max(0, micros))
        var response = Corpus_V1_SearchResponse()
        response.summary = summary
        return response
    }
}

extension CorpusError {
    /// Malformed queries and cursors are `INVALID_ARGUMENT` (the message says where); a search
    /// stopped by its caller is `CANCELLED`.
    init(searchError: SearchError) {
        switch searchError.code {
        case .cancelled: self.init(code: .cancelled, message: searchError.message)
        default: self.init(code: .invalidArgument, message: searchError.message)
        }
    }
}
