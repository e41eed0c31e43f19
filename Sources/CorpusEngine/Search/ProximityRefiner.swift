/// Computes proximity bonuses after the fact, for chosen documents only.
///
/// Reading positions is the expensive part of scoring. For the root conjunction the engine scores
/// every match without proximity first (its *base* score); the bonus is at most ``Plan/maximum``, so
/// the final order only needs exact bonuses for documents whose `base + maximum` can still beat
/// what has been delivered. Those are refined in batches: one forward walk over the pair terms'
/// postings (document streams only; positions are skipped in O(1)) that decodes positions only for
/// the batch's documents.
struct ProximityRefiner {
    /// Two consecutive query syllables, as term ids and field masks.
    struct Pair: Sendable {
        /// The scorers' identities (to find their recorded positions).
        var firstID: ObjectIdentifier
        var secondID: ObjectIdentifier
        var firstTerms: [UInt32]
        var firstFields: UInt8
        var secondTerms: [UInt32]
        var secondFields: UInt8
        /// The bonus for adjacency (distance 1); distance `d` ≤ 3 earns `weight / d`.
        var weight: Double
    }

    struct Plan: Sendable {
        var pairs: [Pair]

        /// The largest total bonus, summed in the same order as ``ProximityRefiner/bonuses(for:)``.
        var maximum: Double {
            var total = 0.0
            for pair in self.pairs { total += pair.weight }
            return total
        }
    }

    let index: SearchIndex
    let plan: Plan
    /// Recorded positions of every match (`matchDocs` ascending), when the scoring loop kept them.
    var references: PositionReferences? = nil
    var matchDocs: [UInt32] = []

    /// Exact bonuses for `docs` (ascending document numbers).
    func bonuses(for docs: [UInt32]) -> [Double] {
        if let references = self.references { return self.bonuses(for: docs, references: references) }
        var result = [Double](repeating: 0, count: docs.count)
        for pair in self.plan.pairs {
            let first = TermScorer(index: self.index, terms: pair.firstTerms, fieldBits: pair.firstFields)
            let second = TermScorer(index: self.index, terms: pair.secondTerms, fieldBits: pair.secondFields)
            for (k, doc) in docs.enumerated() {
                guard first.advance(to: doc) == doc, second.advance(to: doc) == doc else { continue }
                if let distance = ConjunctionScorer.closestInOrder(first.currentPositions(), second.currentPositions()),
                    distance <= 3
                {
                    result[k] += pair.weight / Double(distance)
                }
            }
        }
        return result
    }

    /// Bonuses from recorded position references: no posting walk.
    private func bonuses(for docs: [UInt32], references: PositionReferences) -> [Double] {
        var result = [Double](repeating: 0, count: docs.count)
        var first: [UInt32] = []
        var second: [UInt32] = []
        let slots = self.slots(of: references.termIDs)
        for (k, doc) in docs.enumerated() {
            // Binary search of the match number.
            var low = 0
            var high = self.matchDocs.count
            while low < high {
                let mid = (low + high) / 2
                if self.matchDocs[mid] < doc { low = mid + 1 } else { high = mid }
            }
            guard low < self.matchDocs.count, self.matchDocs[low] == doc else { continue }
            result[k] = self.bonus(doc: doc, slots: slots, first: &first, second: &second) { term, output in
                references.positions(match: low, term: term, into: &output)
            }
        }
        return result
    }

    /// For each pair, the indexes of its two terms in `termIDs` (the order positions are found in).
    func slots(of termIDs: [ObjectIdentifier]) -> [(first: Int?, second: Int?)] {
        self.plan.pairs.map { pair in (termIDs.firstIndex(of: pair.firstID), termIDs.firstIndex(of: pair.secondID)) }
    }

    /// The bonus of match `doc`, summed from zero in pair order (so `base + bonus` is the same
    /// value however the positions were found). `positions(term, &output)` replaces `output` with
    /// the match's positions of term slot `term`; `first` and `second` are scratch buffers.
    @inline(__always)
    func bonus(
        doc: UInt32,
        slots: [(first: Int?, second: Int?)],
        first: inout [UInt32],
        second: inout [UInt32],
        positions: (Int, inout [UInt32]) -> Void
    ) -> Double {
        var result = 0.0
        let starts = self.index.fieldStarts[Int(doc)]
        for (p, pair) in self.plan.pairs.enumerated() {
            guard let a = slots[p].first, let b = slots[p].second else { continue }
            positions(a, &first)
            positions(b, &second)
            Self.keep(&first, fields: pair.firstFields, starts: starts)
            Self.keep(&second, fields: pair.secondFields, starts: starts)
            let distance = first.withUnsafeBufferPointer { x in
                second.withUnsafeBufferPointer { y in ConjunctionScorer.closestInOrder(x, y) }
            }
            if let distance, distance <= 3 { result += pair.weight / Double(distance) }
        }
        return result
    }

    /// Removes positions outside the (contiguous) allowed fields.
    private static func keep(_ positions: inout [UInt32], fields: UInt8, starts: SIMD8<UInt32>) {
        var low = IndexField.count
        var high = 0
        for f in 0..<IndexField.count where fields & (1 << UInt8(f)) != 0 {
            low = min(low, f)
            high = max(high, f)
        }
        let from = low == 0 ? 0 : starts[low]
        let to = high + 1 < IndexField.count ? starts[high + 1] : UInt32.max
        positions.removeAll { $0 < from || $0 >= to }
    }
}
