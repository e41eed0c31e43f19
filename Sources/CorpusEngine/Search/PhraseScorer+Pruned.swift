extension PhraseScorer {
    /// Whether the pruned loop applies (every member has one variant, so its positions on a
    /// document are one run of the position arena, readable again after the cursors move on).
    var recordsCandidates: Bool {
        self.members.allSatisfy(\.hasSingleVariant)
    }

    /// The top-k loop of a limited phrase search: checks positions only where the score could
    /// matter, and records the other candidates in `pending` for ``countOccurrences(in:)``.
    ///
    /// Leapfrogs over copies of the members' posting cursors (no scorer calls). A candidate has
    /// every member in a common allowed field. Its occurrences in a field are at most the fewest
    /// positions any member has there (an occurrence lies wholly in its anchor's field), and BM25
    /// grows with the frequency, so the score of those frequencies bounds its exact score. Only a
    /// candidate whose bound lets it into `top` is walked in full and scored exactly as
    /// ``score()`` would. Requires ``recordsCandidates``; returns `false` if cancelled.
    func collectPruned(
        into top: inout TopMatches,
        pending: inout PendingCandidates,
        isCancelled: () -> Bool
    ) -> Bool {
        var cursors = self.members.map { $0.singleCursor.unsafelyUnwrapped }
        let mask = self.members[0].fieldWeightMask
        // The intersection visits members cheapest first.
        let leap = self.members.indices.sorted { self.members[$0].cost < self.members[$1].cost }
        let count = cursors.count
        let k1 = self.index.configuration.k1
        let norms = self.index.fieldNorms
        var candidates = 0
        return cursors.withUnsafeMutableBufferPointer { cursors in
            var target: UInt32 = 0
            outer: while true {
                target = cursors[leap[0]].advance(to: target)
                if target == .max { return true }
                for j in 1..<count {
                    let d = cursors[leap[j]].advance(to: target)
                    if d != target {
                        if d == .max { return true }
                        target = d
                        continue outer
                    }
                }
                var fewest = cursors[0].tf * mask
                for k in 1..<count {
                    let tf = cursors[k].tf * mask
                    fewest.replace(with: tf, where: tf .< fewest)
                }
                if fewest.sum() > 0 {
                    let norm = norms[Int(target)]
                    // Same arithmetic as the exact score, with larger frequencies; the margin
                    // covers rounding.
                    let bound = BM25.score(weightedFrequency: (fewest * norm).sum(), idf: self.idf, k1: k1)
                    if !top.admits(bound: bound * (1 + 1e-9)) {
                        pending.docs.append(target)
                        for k in 0..<count {
                            pending.members.append(
                                (cursors[k].positionsStart, UInt32(truncatingIfNeeded: cursors[k].tfTotal))
                            )
                        }
                    } else {
                        for k in 0..<count { self.weights[k] = (cursors[k].tf * mask).sum() }
                        self.orderByWeights()
                        for i in 0..<count {
                            let cursor = cursors[self.order[i]]
                            self.streams[i] = PositionStream(encoded: cursor.positionsStart, count: cursor.tfTotal)
                        }
                        self.startWalk(doc: target)
                        if self.continueWalk(firstOnly: false) {
                            let weighted = (self.walk.pointee.tf * norm).sum()
                            top.take(doc: target, base: BM25.score(weightedFrequency: weighted, idf: self.idf, k1: k1))
                            { 0 }
                        }
                    }
                    candidates += 1
                    if candidates & 1023 == 0, isCancelled() { return false }
                }
                target += 1
            }
        }
    }

    /// How many of the recorded candidates hold the phrase. The walk state is reused: call it
    /// once scoring is over.
    func countOccurrences(in pending: PendingCandidates) -> Int {
        let count = self.unretained.count
        var found = 0
        pending.members.withUnsafeBufferPointer { members in
            for (n, doc) in pending.docs.enumerated() {
                let base = n * count
                // Fewest positions first (in every field: the order only affects speed).
                for k in 0..<count { self.weights[k] = Float(members[base + k].count) }
                self.orderByWeights()
                for i in 0..<count {
                    let member = members[base + self.order[i]]
                    self.streams[i] = PositionStream(encoded: member.positions, count: Int(member.count))
                }
                self.startWalk(doc: doc)
                if self.continueWalk(firstOnly: true) { found += 1 }
            }
        }
        return found
    }
}

/// Phrase candidates a pruned search did not check, with where each member's positions are on
/// them: one entry per member per candidate.
struct PendingCandidates {
    var docs: [UInt32] = []
    var members: [(positions: UnsafePointer<UInt8>, count: UInt32)] = []

    /// Makes room for `candidates` candidates of a phrase of `members` syllables.
    mutating func reserveCapacity(_ candidates: Int, members: Int) {
        self.docs.reserveCapacity(candidates)
        self.members.reserveCapacity(candidates * members)
    }
}
