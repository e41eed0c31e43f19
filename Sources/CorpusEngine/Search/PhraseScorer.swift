/// Syllables adjacent and in order. Scored like one term whose idf is the sum of its syllables'
/// and whose frequency is the number of phrase occurrences per field.
///
/// A document that has every syllable is checked in steps, cheapest first:
/// 1. some allowed field must hold every syllable (from the postings' per-field counts, no
///    positions decoded);
/// 2. the syllable with the fewest positions in the document is the anchor: each of its positions
///    fixes where the phrase would start, and the other syllables are checked there, rarest
///    first, each read from its postings only as far as needed (``PositionStream``; a syllable
///    typed without diacritics, whose variants must be decoded and merged, only once reached);
/// 3. matching stops at the first occurrence: that is all an exclusion, or a conjunction whose
///    other clauses then fail, needs. ``score()`` resumes the same walk to count every occurrence.
///
/// Occurrences are counted exactly as a full decode would: every start `p` such that syllable `k`
/// is at `p + k` for every `k`, attributed to the field of `p`. A phrase never spans two units
/// (positions leave a gap after each field and paragraph), so all of an occurrence lies in the
/// anchor's field.
final class PhraseScorer: DocScorer {
    let index: SearchIndex
    let members: [TermScorer]
    /// `members` cheapest first (the intersection order), without reference counting.
    private let ordered: UnsafeMutableBufferPointer<Unmanaged<TermScorer>>
    let idf: Double
    /// The allowed fields as lanes of the document's field starts (they are contiguous).
    private let lowField: Int
    private let highField: Int
    private(set) var doc: UInt32 = 0
    /// Mutable per-document state in manually allocated memory: Swift's dynamic exclusivity
    /// checks on class properties would otherwise cost more than the check itself (as in
    /// ``TermScorer``).
    let walk: UnsafeMutablePointer<Walk>
    /// Member streams, in the order they are checked (``order``); slot 0 is the anchor.
    let streams: UnsafeMutableBufferPointer<PositionStream>
    /// Member index (= offset within the phrase) of each stream.
    let order: UnsafeMutableBufferPointer<Int>
    /// Each member's positions in the allowed fields on the current document (scratch).
    let weights: UnsafeMutableBufferPointer<Float>
    /// `members` without reference counting (they live as long as this scorer): reading an
    /// array of class references retains and releases each one, which cost about a tenth of a
    /// phrase check.
    let unretained: UnsafeMutableBufferPointer<Unmanaged<TermScorer>>

    /// Where the occurrence walk of the current document stands.
    struct Walk {
        /// The document the streams belong to (`UInt32.max`: none).
        var doc: UInt32 = .max
        /// Occurrences found so far, per field.
        var tf = SIMD8<Float>(repeating: 0)
        /// Every occurrence has been counted.
        var complete = false
        /// Allowed anchor positions on `doc`: `[low, high)`.
        var low: UInt32 = 0
        var high: UInt32 = .max
    }

    init(index: SearchIndex, members: [TermScorer]) {
        self.index = index
        self.members = members
        self.ordered = .allocate(capacity: members.count)
        _ = self.ordered.initialize(from: members.sorted { $0.cost < $1.cost }.map { Unmanaged.passUnretained($0) })
        self.idf = members.reduce(0) { $0 + $1.idf }
        let bits = members.first?.fieldBits ?? 0
        var low = IndexField.count
        var high = 0
        for f in 0..<IndexField.count where bits & (1 << UInt8(f)) != 0 {
            low = min(low, f)
            high = max(high, f)
        }
        self.lowField = low
        self.highField = high
        self.walk = .allocate(capacity: 1)
        self.walk.initialize(to: Walk())
        self.streams = .allocate(capacity: members.count)
        self.streams.initialize(repeating: PositionStream())
        self.order = .allocate(capacity: members.count)
        self.order.initialize(repeating: 0)
        self.weights = .allocate(capacity: members.count)
        self.weights.initialize(repeating: 0)
        self.unretained = .allocate(capacity: members.count)
        _ = self.unretained.initialize(from: members.map { Unmanaged.passUnretained($0) })
        self.doc = self.align(from: 0)
    }

    deinit {
        self.walk.deinitialize(count: 1).deallocate()
        self.streams.deallocate()
        self.order.deallocate()
        self.weights.deallocate()
        self.unretained.deallocate()
        self.ordered.deallocate()
    }

    var cost: Int { self.ordered.first?.takeUnretainedValue().cost ?? 0 }

    private func align(from start: UInt32) -> UInt32 {
        var target = start
        while true {
            target = self.intersect(from: target)
            if target == .max || self.hasOccurrence(doc: target) { return target }
            target += 1
        }
    }

    /// The first document at or after `start` that has every member (positions unchecked).
    private func intersect(from start: UInt32) -> UInt32 {
        let ordered = self.ordered
        var target = start
        outer: while true {
            guard ordered.count > 0 else { return .max }
            target = ordered[0]._withUnsafeGuaranteedRef { $0.advance(to: target) }
            if target == .max { return .max }
            var k = 1
            while k < ordered.count {
                let d = ordered[k]._withUnsafeGuaranteedRef { $0.advance(to: target) }
                if d != target {
                    if d == .max { return .max }
                    target = d
                    continue outer
                }
                k += 1
            }
            return target
        }
    }

    /// Whether the phrase occurs in `doc` (every member is on it); leaves the walk after the
    /// first occurrence.
    private func hasOccurrence(doc: UInt32) -> Bool {
        let members = self.unretained
        let count = members.count
        // 1. Some allowed field holds every syllable.
        let weights = self.weights
        var common = SIMDMask<SIMD8<Int32>>(repeating: true)
        for k in 0..<count {
            let tf = members[k]._withUnsafeGuaranteedRef { $0.tf }
            common .&= tf .> 0
            weights[k] = tf.sum()
        }
        guard any(common) else { return false }
        // 2. Check order: fewest positions first.
        self.orderByWeights()
        let order = self.order
        for i in 0..<count {
            self.streams[i] = members[order[i]]._withUnsafeGuaranteedRef { member in
                i == 0 || member.hasSingleVariant ? member.positionStream() : .pending
            }
        }
        self.startWalk(doc: doc)
        // 3. Up to the first occurrence.
        return self.continueWalk(firstOnly: true)
    }

    /// Sorts the members into ``order`` by ``weights``, fewest positions first (an insertion sort
    /// of a handful of members).
    @inline(__always)
    func orderByWeights() {
        let weights = self.weights
        let order = self.order
        for k in 0..<order.count {
            let weight = weights[k]
            var i = k
            while i > 0, weights[order[i - 1]] > weight {
                order[i] = order[i - 1]
                i -= 1
            }
            order[i] = k
        }
    }

    /// Starts the occurrence walk of `doc` over the streams in place.
    @inline(__always)
    func startWalk(doc: UInt32) {
        let starts = self.index.fieldStarts[Int(doc)]
        self.walk.pointee = Walk(
            doc: doc,
            tf: SIMD8(repeating: 0),
            complete: false,
            low: self.lowField == 0 ? 0 : starts[self.lowField],
            high: self.highField + 1 < IndexField.count ? starts[self.highField + 1] : .max
        )
    }

    /// Walks the anchor's positions from where the walk stands; returns whether an occurrence was
    /// found on this call. With `firstOnly`, stops right after the first one.
    func continueWalk(firstOnly: Bool) -> Bool {
        let streams = self.streams
        let order = self.order
        let count = streams.count
        let anchorOffset = UInt32(order[0])
        let low = self.walk.pointee.low
        let high = self.walk.pointee.high
        let starts = self.index.fieldStarts[Int(self.walk.pointee.doc)]
        var found = false
        anchor: while true {
            let a = streams[0].current
            if a == .max { break }
            streams[0].step()
            if a < low || a >= high || a < anchorOffset { continue }
            let start = a - anchorOffset
            for i in 1..<count {
                let target = start + UInt32(order[i])
                if !streams[i].isOpen {
                    streams[i] = self.unretained[order[i]]._withUnsafeGuaranteedRef { $0.positionStream() }
                }
                let at = streams[i].seek(target)
                if at == .max { break anchor }  // later starts need later positions: none left
                if at != target { continue anchor }
            }
            self.walk.pointee.tf[IndexChunk.field(of: start, starts: starts)] += 1
            found = true
            if firstOnly { return true }
        }
        self.walk.pointee.complete = true
        return found
    }

    func next() -> UInt32 {
        if self.doc == .max { return .max }
        self.doc = self.align(from: self.doc + 1)
        return self.doc
    }

    func advance(to target: UInt32) -> UInt32 {
        if self.doc < target { self.doc = self.align(from: target) }
        return self.doc
    }

    func score() -> Double {
        if self.walk.pointee.doc == self.doc, !self.walk.pointee.complete {
            _ = self.continueWalk(firstOnly: false)
        }
        let weighted = (self.walk.pointee.tf * self.index.fieldNorms[Int(self.doc)]).sum()
        return BM25.score(weightedFrequency: weighted, idf: self.idf, k1: self.index.configuration.k1)
    }
}
