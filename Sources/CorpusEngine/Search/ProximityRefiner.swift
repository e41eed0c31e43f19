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

    /// Exact bonuses for `docs` (ascending document numbers).
    func bonuses(for docs: [UInt32]) -> [Double] {
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
}
