import Synchronization

/// The hits of one search, in descending score order (ties: article id ascending), produced
/// lazily.
///
/// Matching and scoring are done when the value is created. ``totalMatches`` is known then too,
/// except after a limited phrase search: candidates whose score bound keeps them out of the hits
/// are checked for the phrase only when the total is first read (after the hits, as the server's
/// summary does), so the first hit does not wait for the count. Ordering is lazy (a heap, or a
/// top-k selection when a small limit is set) and snippets are built only for hits that are
/// actually taken: a consumer that stops iterating, or a cancelled task iterating asynchronously,
/// stops all further work.
///
/// Iterate with `for hit in results` (synchronous, for a server loop that drives it itself) or
/// `for try await hit in results` (checks `Task.isCancelled` before each hit and throws
/// `CancellationError`).
public struct SearchResults: Sequence, AsyncSequence, Sendable {
    let index: SearchIndex
    let candidates: Candidates
    let refiner: ProximityRefiner?
    /// Articles matching the query, regardless of limit and cursor (counted on first use when
    /// the search deferred part of the count; later reads return the same value at once).
    public var totalMatches: Int { self.matchCount.value }
    let matchCount: MatchCount
    /// Matches ordered before the cursor (so hit ranks continue from the previous page).
    let rankOffset: Int
    /// At most this many hits are produced.
    public let limit: Int?
    let highlightTerms: Set<UInt32>
    let snippetLength: Int
    /// Time spent parsing, matching and scoring.
    public let evaluationTime: Duration

    /// Hits this sequence will produce (matches after the cursor, capped by the limit).
    public var hitCount: Int { Swift.min(self.candidates.count, self.limit ?? Int.max) }

    /// Creates a synchronous iterator.
    public func makeIterator() -> Iterator { Iterator(self) }

    /// Creates an asynchronous iterator that stops when its task is cancelled.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: Iterator(self)) }

    /// Produces hits one at a time.
    public struct Iterator: IteratorProtocol {
        private let results: SearchResults
        private var order: Order
        private var matcher: HighlightMatcher
        /// Hits produced so far (each with its snippet).
        public private(set) var delivered = 0

        /// Matches whose proximity bonus has been computed so far (work done lazily per hit).
        var refinedCount: Int { self.order.refinedCount }

        init(_ results: SearchResults) {
            self.results = results
            let candidates = results.candidates
            if let refiner = results.refiner {
                self.order = .refining(
                    RefiningHitOrder(
                        pending: HitOrder(docs: candidates.docs, scores: candidates.scores, limit: nil),
                        ready: zip(candidates.exactDocs, candidates.exactScores).map { (doc: $0, score: $1) },
                        refiner: refiner,
                        maximum: refiner.plan.maximum
                    )
                )
            } else {
                self.order = .exact(HitOrder(docs: candidates.docs, scores: candidates.scores, limit: results.limit))
            }
            self.matcher = HighlightMatcher(index: results.index, terms: results.highlightTerms)
        }

        /// The next hit, or `nil` after the last one (or after `limit` hits).
        public mutating func next() -> SearchHit? {
            if let limit = self.results.limit, self.delivered >= limit { return nil }
            guard let (doc, score) = self.order.pop() else { return nil }
            self.delivered += 1
            let document = self.results.index.documents[Int(doc)]
            let snippet =
                self.results.snippetLength == 0
                ? Snippet(text: "", highlights: [])
                : SnippetBuilder.make(for: document, matcher: &self.matcher, length: self.results.snippetLength)
            return SearchHit(
                articleID: document.id,
                title: document.title,
                publishedAt: document.publishedAtText,
                score: score,
                rank: self.results.rankOffset + self.delivered,
                snippet: snippet,
                cursor: SearchCursor(score: score, articleID: document.id)
            )
        }
    }

    /// How an iterator orders its hits.
    enum Order {
        case exact(HitOrder)
        case refining(RefiningHitOrder)

        mutating func pop() -> (UInt32, Double)? {
            switch self {
            case .exact(var order):
                self = .exact(HitOrder(docs: [], scores: [], limit: nil))
                defer { self = .exact(order) }
                return order.pop()
            case .refining(var order):
                self = .exact(HitOrder(docs: [], scores: [], limit: nil))
                defer { self = .refining(order) }
                return order.pop()
            }
        }

        /// Documents whose proximity bonus was computed so far.
        var refinedCount: Int {
            if case .refining(let order) = self { return order.refinedCount }
            return 0
        }
    }

    /// Produces hits asynchronously, checking for cancellation before each one.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: Iterator

        /// Hits produced so far.
        public var delivered: Int { self.base.delivered }

        /// The next hit, `nil` at the end.
        ///
        /// - Throws: `CancellationError` if the task is cancelled.
        public mutating func next() async throws -> SearchHit? {
            try Task.checkCancellation()
            return self.base.next()
        }
    }
}

/// The number of matches of one search: known when the search returns, or finished on first use
/// by checking the candidates the search left unverified. Shared by copies of the results.
final class MatchCount: Sendable {
    private enum State {
        case known(Int)
        case pending(counted: Int, rest: @Sendable () -> Int)
    }

    private let state: Mutex<State>

    init(_ count: Int) {
        self.state = Mutex(.known(count))
    }

    /// `counted` matches so far; `rest` counts the others (called once, on first use).
    init(counted: Int, rest: @escaping @Sendable () -> Int) {
        self.state = Mutex(.pending(counted: counted, rest: rest))
    }

    /// Whether part of the count is still to be done (for tests).
    var isPending: Bool {
        self.state.withLock { state in
            if case .pending = state { return true }
            return false
        }
    }

    var value: Int {
        self.state.withLock { state in
            switch state {
            case .known(let count):
                return count
            case .pending(let counted, let rest):
                let count = counted + rest()
                state = .known(count)
                return count
            }
        }
    }
}
