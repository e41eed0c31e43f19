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
        // The root conjunction's proximity bonus is added lazily, only for hits that need it.
        var refiner: ProximityRefiner? = nil
        if let conjunction = root as? ConjunctionScorer {
            let plan = conjunction.proximityPlan
            if !plan.pairs.isEmpty {
                conjunction.defersProximity = true
                refiner = ProximityRefiner(index: self, plan: plan)
            }
        }
        var docs: [UInt32] = []
        var scores: [Double] = []
        var doc = root.doc
        if let term = root as? TermScorer {
            guard term.collectAll(docs: &docs, scores: &scores, isCancelled: isCancelled) else {
                throw SearchError(code: .cancelled, message: "search cancelled")
            }
            doc = .max
        } else if let conjunction = root as? ConjunctionScorer {
            var references: PositionReferences? = nil
            let finished = conjunction.collectAllTerms(
                index: self,
                docs: &docs,
                scores: &scores,
                positions: &references,
                isCancelled: isCancelled
            )
            if let finished {
                guard finished else { throw SearchError(code: .cancelled, message: "search cancelled") }
                doc = .max
                if refiner != nil, let references {
                    refiner?.references = references
                    refiner?.matchDocs = docs
                }
            }
        }
        while doc != .max {
            docs.append(doc)
            scores.append(root.score())
            if docs.count & 1023 == 0, isCancelled() {
                throw SearchError(code: .cancelled, message: "search cancelled")
            }
            doc = root.next()
        }
        let total = docs.count
        let limit = options.limit.flatMap { $0 > 0 ? $0 : nil }
        var candidates = Candidates(docs: docs, scores: scores)
        if let cursor = options.cursor {
            candidates.dropPreceding(cursor, index: self, refiner: refiner)
        }
        if let refiner, let limit {
            candidates.dropUnreachable(limit: limit, refiner: refiner)
        }
        return SearchResults(
            index: self,
            candidates: candidates,
            refiner: refiner,
            totalMatches: total,
            rankOffset: total - candidates.count - candidates.unreachable,
            limit: limit,
            highlightTerms: compiler.highlightTerms,
            snippetLength: options.snippetLength <= 0 ? 0 : max(options.snippetLength, 40),
            evaluationTime: clock.now - started
        )
    }
}
