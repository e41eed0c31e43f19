/// Receives the matches of a scoring loop, in ascending document order.
///
/// A match arrives with its *base* score; when the root conjunction defers its proximity bonus,
/// the sink can ask for the bonus (computed from the positions under the cursors, or by the
/// caller) only if it needs the exact score.
protocol MatchSink {
    /// Called once by a bulk loop over single-variant terms, before the first match: the terms in
    /// the order of the cursors handed to ``take(doc:base:cursors:)``, and at most how many
    /// matches will come.
    mutating func begin(terms: [TermScorer], index: SearchIndex, expectedMatches: Int)

    /// A match whose bonus, if any, can be computed from `cursors` (they sit on the match).
    mutating func take(doc: UInt32, base: Double, cursors: UnsafeMutableBufferPointer<PostingCursor>)

    /// A match whose bonus, if any, `bonus` computes.
    mutating func take(doc: UInt32, base: Double, bonus: () -> Double)
}

/// Keeps every match with its base score (and, when asked, where its positions are), for a
/// search without a small limit: the hit order then sorts them lazily.
struct AllMatches: MatchSink {
    private(set) var docs: [UInt32] = []
    private(set) var scores: [Double] = []
    /// Where each match's positions are, when a proximity bonus will read them later.
    private(set) var references: PositionReferences? = nil
    private let recordsPositions: Bool

    init(recordsPositions: Bool) {
        self.recordsPositions = recordsPositions
    }

    mutating func begin(terms: [TermScorer], index: SearchIndex, expectedMatches: Int) {
        // Reserved up front: no regrowth (copying) of the result arrays while collecting.
        self.docs.reserveCapacity(expectedMatches)
        self.scores.reserveCapacity(expectedMatches)
        if self.recordsPositions {
            var references = PositionReferences(terms: terms, arena: index.positionArena)
            references.reserveCapacity(expectedMatches)
            self.references = references
        }
    }

    @inline(__always)
    mutating func take(doc: UInt32, base: Double, cursors: UnsafeMutableBufferPointer<PostingCursor>) {
        self.docs.append(doc)
        self.scores.append(base)
        if self.references != nil {
            for k in 0..<cursors.count { self.references?.append(cursors[k]) }
        }
    }

    @inline(__always)
    mutating func take(doc: UInt32, base: Double, bonus: () -> Double) {
        self.docs.append(doc)
        self.scores.append(base)
    }
}

/// Keeps only the best `limit` matches after an optional cursor, by exact score, while counting
/// all of them: a limited search neither stores nor sorts the rest.
///
/// A match whose base score plus the largest bonus cannot beat the worst kept one is only
/// counted; its bonus (reading positions) is computed only when it could enter.
struct TopMatches: MatchSink {
    /// Limits above this keep every match and order them lazily instead.
    static let largestLimit = 1_024

    private let limit: Int
    private let cursor: SearchCursor?
    private let documents: [IndexDocument]
    /// The largest bonus (0 without proximity).
    private let maximum: Double
    private let refiner: ProximityRefiner?
    private var cursorBonus: CursorBonus? = nil
    /// The best matches so far, a binary min-heap (the worst kept one at the root).
    private var heap: [(doc: UInt32, score: Double)] = []
    /// Every match taken.
    private(set) var total = 0
    /// Matches ordered at or before the cursor.
    private(set) var preceding = 0

    init(limit: Int, cursor: SearchCursor?, index: SearchIndex, refiner: ProximityRefiner?) {
        self.limit = limit
        self.cursor = cursor
        self.documents = index.documents
        self.refiner = refiner
        self.maximum = refiner?.plan.maximum ?? 0
        self.heap.reserveCapacity(limit)
    }

    /// The kept matches (exact scores), and how many matches after the cursor were not kept.
    var candidates: Candidates {
        var candidates = Candidates(docs: self.heap.map(\.doc), scores: self.heap.map(\.score))
        candidates.unreachable = self.total - self.preceding - self.heap.count
        return candidates
    }

    mutating func begin(terms: [TermScorer], index: SearchIndex, expectedMatches: Int) {
        if let refiner = self.refiner {
            self.cursorBonus = CursorBonus(refiner: refiner, terms: terms)
        }
    }

    @inline(__always)
    mutating func take(doc: UInt32, base: Double, cursors: UnsafeMutableBufferPointer<PostingCursor>) {
        let bonus = self.cursorBonus
        self.take(doc: doc, base: base) { bonus?.bonus(doc: doc, cursors: cursors) ?? 0 }
    }

    @inline(__always)
    mutating func take(doc: UInt32, base: Double, bonus: () -> Double) {
        self.total += 1
        if let cursor = self.cursor {
            // The exact score lies in [base, base + maximum].
            if base > cursor.score {
                self.preceding += 1
                return
            }
            if base + self.maximum >= cursor.score {
                let score = self.maximum == 0 ? base : base + bonus()
                guard cursor.precedes(score: score, articleID: self.documents[Int(doc)].id) else {
                    self.preceding += 1
                    return
                }
                self.offer(doc: doc, score: score)
                return
            }
        }
        self.keep(doc: doc, base: base, bonus: bonus)
    }

    /// Whether matches ordered before a cursor are skipped (and counted apart).
    var hasCursor: Bool { self.cursor != nil }

    /// The largest proximity bonus of a match (0 without proximity).
    var maximumBonus: Double { self.maximum }

    /// Once `limit` matches are kept, the score of the worst: a later match (higher document
    /// number) must score more to be kept. `nil` while there is room.
    var threshold: Double? { self.heap.count == self.limit ? self.heap[0].score : nil }

    /// Adds `count` matches counted by the caller, who offers only those that could be kept with
    /// ``consider(doc:base:cursors:)``.
    mutating func addToTotal(_ count: Int) {
        self.total += count
    }

    /// Offers a match the caller counted with ``addToTotal(_:)``: kept if it is among the best.
    /// Only without a cursor.
    @inline(__always)
    mutating func consider(doc: UInt32, base: Double, cursors: UnsafeMutableBufferPointer<PostingCursor>) {
        assert(self.cursor == nil)
        let bonus = self.cursorBonus
        self.keep(doc: doc, base: base) { bonus?.bonus(doc: doc, cursors: cursors) ?? 0 }
    }

    @inline(__always)
    private mutating func keep(doc: UInt32, base: Double, bonus: () -> Double) {
        // Documents arrive in ascending order, so a later one loses a tie: `<=` cannot keep out a
        // match that belongs.
        if self.heap.count == self.limit, base + self.maximum <= self.heap[0].score { return }
        self.offer(doc: doc, score: self.maximum == 0 ? base : base + bonus())
    }

    /// Whether a match scoring at most `bound` could be kept or ordered before the cursor; if
    /// not, its exact score is not needed (only whether it matches, for the total).
    ///
    /// Only for a query without a proximity bonus.
    @inline(__always)
    func admits(bound: Double) -> Bool {
        assert(self.maximum == 0)
        if let cursor = self.cursor, bound >= cursor.score { return true }
        return self.heap.count < self.limit || bound > self.heap[0].score
    }

    @inline(__always)
    private mutating func offer(doc: UInt32, score: Double) {
        let item = (doc: doc, score: score)
        if self.heap.count < self.limit {
            self.heap.append(item)
            HitOrder.siftUp(&self.heap, self.heap.count - 1, worseFirst: true)
        } else if HitOrder.better(item, self.heap[0]) {
            self.heap[0] = item
            HitOrder.siftDown(&self.heap, 0, worseFirst: true)
        }
    }
}

/// Computes a match's proximity bonus from the positions under the bulk loop's cursors.
final class CursorBonus {
    private let refiner: ProximityRefiner
    private let slots: [(first: Int?, second: Int?)]
    private var first: [UInt32] = []
    private var second: [UInt32] = []

    init(refiner: ProximityRefiner, terms: [TermScorer]) {
        self.refiner = refiner
        self.slots = refiner.slots(of: terms.map(ObjectIdentifier.init))
    }

    func bonus(doc: UInt32, cursors: UnsafeMutableBufferPointer<PostingCursor>) -> Double {
        self.refiner.bonus(doc: doc, slots: self.slots, first: &self.first, second: &self.second) { term, output in
            output.removeAll(keepingCapacity: true)
            let cursor = cursors[term]
            PostingCursor.decodePositions(at: cursor.positionsStart, count: cursor.tfTotal, into: &output)
        }
    }
}
