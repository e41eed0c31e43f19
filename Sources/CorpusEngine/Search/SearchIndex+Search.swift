extension SearchIndex {
    /// Runs a query: scores every match (cheap: no text is touched), then returns a lazy result
    /// list that orders and builds snippets only for the hits actually consumed.
    ///
    /// - Parameters:
    ///   - query: The query text (see ``SearchQuery`` for the language).
    ///   - options: Limit, cursor and snippet length.
    ///   - isCancelled: Polled every few hundred matches while scoring; when it returns true the
    ///     search stops and throws ``SearchError/Code/cancelled``. Pass `{ Task.isCancelled }` from
    ///     async code.
    /// - Returns: The results: ``SearchResults/totalMatches`` is known at once; iterate it (sync or
    ///   async) for the hits.
    /// - Throws: ``SearchError`` (`invalidQuery` with the column, `invalidCursor`, `cancelled`).
    public func search(
        _ query: String,
        options: SearchOptions = SearchOptions(),
        isCancelled: () -> Bool = { false }
    ) throws(SearchError) -> SearchResults {
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery(parsing: query)
        } catch {
            throw SearchError(error)
        }
        return try self.search(parsed, options: options, isCancelled: isCancelled)
    }

    /// Runs a parsed query; see ``search(_:options:isCancelled:)-(String,_,_)``.
    public func search(
        _ query: SearchQuery,
        options: SearchOptions = SearchOptions(),
        isCancelled: () -> Bool = { false }
    ) throws(SearchError) -> SearchResults {
        let clock = ContinuousClock()
        let started = clock.now
        var compiler = QueryCompiler(index: self)
        guard let root = compiler.compile(query.root) else {
            throw SearchError(QuerySyntaxError("no searchable words", column: compiler.firstEmptyColumn ?? 1))
        }
        var docs: [UInt32] = []
        var scores: [Double] = []
        var total = 0
        var before = 0
        if options.cursor == nil, let term = root as? TermScorer {
            guard term.collectAll(docs: &docs, scores: &scores, isCancelled: isCancelled) else {
                throw SearchError(code: .cancelled, message: "search cancelled")
            }
            total = docs.count
        }
        var doc = root.doc
        while doc != .max {
            let score = root.score()
            total += 1
            if let cursor = options.cursor, !cursor.precedes(score: score, articleID: self.documents[Int(doc)].id) {
                before += 1
            } else {
                docs.append(doc)
                scores.append(score)
            }
            if total & 255 == 0, isCancelled() {
                throw SearchError(code: .cancelled, message: "search cancelled")
            }
            doc = root.next()
        }
        let limit = options.limit.flatMap { $0 > 0 ? $0 : nil }
        return SearchResults(
            index: self,
            docs: docs,
            scores: scores,
            totalMatches: total,
            rankOffset: before,
            limit: limit,
            highlightTerms: compiler.highlightTerms,
            snippetLength: options.snippetLength <= 0 ? 0 : max(options.snippetLength, 40),
            evaluationTime: clock.now - started
        )
    }
}
