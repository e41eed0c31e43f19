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
    /// - Returns: The results; iterate them (sync or async) for the hits. A limited phrase search
    ///   finishes counting ``SearchResults/totalMatches`` when it is first read.
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
        let limit = options.limit.flatMap { $0 > 0 ? $0 : nil }
        let candidates: Candidates
        let matchCount: MatchCount
        let rankOffset: Int
        if let limit, limit <= TopMatches.largestLimit {
            // Only the best `limit` after the cursor are kept, with exact scores: no refining later.
            var top = TopMatches(limit: limit, cursor: options.cursor, index: self, refiner: refiner)
            if let phrase = root as? PhraseScorer, phrase.recordsCandidates {
                var pending = PendingCandidates()
                pending.reserveCapacity(min(phrase.cost, self.documentCount), members: phrase.members.count)
                guard phrase.collectPruned(into: &top, pending: &pending, isCancelled: isCancelled) else {
                    throw SearchError.cancelledSearch
                }
                let unchecked = UncheckedCandidates(phrase: phrase, pending: pending)
                matchCount = MatchCount(counted: top.total) { unchecked.count() }
            } else if let finished = (root as? ConjunctionScorer)?.collectTop(
                index: self,
                into: &top,
                isCancelled: isCancelled
            ) ?? (root as? TermScorer)?.collectTop(index: self, into: &top, isCancelled: isCancelled) {
                guard finished else { throw SearchError.cancelledSearch }
                matchCount = MatchCount(top.total)
            } else {
                try self.collect(root, into: &top, isCancelled: isCancelled)
                matchCount = MatchCount(top.total)
            }
            candidates = top.candidates
            rankOffset = top.preceding
            refiner = nil
        } else {
            var all = AllMatches(recordsPositions: refiner != nil)
            try self.collect(root, into: &all, isCancelled: isCancelled)
            if let references = all.references {
                refiner?.references = references
                refiner?.matchDocs = all.docs
            }
            var kept = Candidates(docs: all.docs, scores: all.scores)
            if let cursor = options.cursor {
                kept.dropPreceding(cursor, index: self, refiner: refiner)
            }
            if let refiner, let limit {
                kept.dropUnreachable(limit: limit, refiner: refiner)
            }
            candidates = kept
            matchCount = MatchCount(all.docs.count)
            rankOffset = all.docs.count - kept.count - kept.unreachable
        }
        return SearchResults(
            index: self,
            candidates: candidates,
            refiner: refiner,
            matchCount: matchCount,
            rankOffset: rankOffset,
            limit: limit,
            highlightTerms: compiler.highlightTerms,
            snippetLength: options.snippetLength <= 0 ? 0 : max(options.snippetLength, 40),
            evaluationTime: clock.now - started
        )
    }

    /// Hands every match of `root` to `sink` in document order: through a bulk loop when the
    /// query's shape has one, else through the scorer tree.
    private func collect<Sink: MatchSink>(
        _ root: any DocScorer,
        into sink: inout Sink,
        isCancelled: () -> Bool
    ) throws(SearchError) {
        let cancelled = SearchError.cancelledSearch
        if let term = root as? TermScorer {
            guard term.collectAll(into: &sink, isCancelled: isCancelled) else { throw cancelled }
            return
        }
        let conjunction = root as? ConjunctionScorer
        if let conjunction,
            let finished = conjunction.collectAllTerms(index: self, into: &sink, isCancelled: isCancelled)
                ?? conjunction.collectCommonTerms(index: self, into: &sink, isCancelled: isCancelled)
        {
            guard finished else { throw cancelled }
            return
        }
        // The root conjunction's deferred bonus, from its terms' positions on the current match.
        let defersProximity = conjunction?.defersProximity ?? false
        var doc = root.doc
        var count = 0
        while doc != .max {
            sink.take(doc: doc, base: root.score()) {
                defersProximity ? conjunction?.addingProximityBonus(to: 0) ?? 0 : 0
            }
            count += 1
            if count & 1023 == 0, isCancelled() { throw cancelled }
            doc = root.next()
        }
    }
}

/// A phrase's unchecked candidates, counted at most once, under ``MatchCount``'s lock: the scorer
/// is not used anywhere else once the search has returned.
private final class UncheckedCandidates: @unchecked Sendable {
    private let phrase: PhraseScorer
    private let pending: PendingCandidates

    init(phrase: PhraseScorer, pending: PendingCandidates) {
        self.phrase = phrase
        self.pending = pending
    }

    func count() -> Int {
        self.phrase.countOccurrences(in: self.pending)
    }
}

extension SearchError {
    /// What a search stopped by its `isCancelled` throws.
    static var cancelledSearch: SearchError { SearchError(code: .cancelled, message: "search cancelled") }
}
