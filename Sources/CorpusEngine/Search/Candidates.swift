/// The matches of a query with their scores: exact, or base scores awaiting a proximity bonus.
struct Candidates: Sendable {
    /// Matches with a base score (exact when there is no refiner).
    var docs: [UInt32]
    var scores: [Double]
    /// Matches whose exact score is already known (refined around a cursor).
    var exactDocs: [UInt32] = []
    var exactScores: [Double] = []
    /// Matches dropped because they cannot reach the first `limit` hits (still after the cursor).
    var unreachable = 0

    init(docs: [UInt32], scores: [Double]) {
        self.docs = docs
        self.scores = scores
    }

    var count: Int { self.docs.count + self.exactDocs.count }

    /// Removes the matches at or before the cursor in result order.
    ///
    /// With a refiner, a base score brackets the final one (`[base, base + maximum]`): matches
    /// clearly before or after the cursor are classified from it; only those straddling the cursor's
    /// score get their exact bonus now.
    mutating func dropPreceding(_ cursor: SearchCursor, index: SearchIndex, refiner: ProximityRefiner?) {
        let maximum = refiner?.plan.maximum ?? 0
        var keptDocs: [UInt32] = []
        var keptScores: [Double] = []
        var straddling: [Int] = []
        for k in self.docs.indices {
            let doc = self.docs[k]
            let score = self.scores[k]
            if refiner == nil || score + maximum < cursor.score {
                if cursor.precedes(score: score, articleID: index.documents[Int(doc)].id) {
                    keptDocs.append(doc)
                    keptScores.append(score)
                }
            } else if score <= cursor.score {
                straddling.append(k)
            }
        }
        if let refiner, !straddling.isEmpty {
            let bonuses = refiner.bonuses(for: straddling.map { self.docs[$0] })
            for (n, k) in straddling.enumerated() {
                let exact = self.scores[k] + bonuses[n]
                let doc = self.docs[k]
                if cursor.precedes(score: exact, articleID: index.documents[Int(doc)].id) {
                    self.exactDocs.append(doc)
                    self.exactScores.append(exact)
                }
            }
        }
        self.docs = keptDocs
        self.scores = keptScores
    }

    /// Drops base-scored matches that cannot enter the best `limit` even with the largest bonus.
    ///
    /// The bar is the lowest exact score (base + bonus) among the `limit` best bases: those
    /// `limit` matches reach it, so a match whose base plus the largest bonus stays below it
    /// cannot be among the first `limit` hits. (Their bases alone give a lower bar that keeps
    /// most matches of common words, all of which the hit order would then heap up.)
    mutating func dropUnreachable(limit: Int, refiner: ProximityRefiner) {
        guard self.docs.count > limit else { return }
        let maximum = refiner.plan.maximum
        var top = HitOrder(docs: self.docs, scores: self.scores, limit: limit)
        var best: [(doc: UInt32, score: Double)] = []
        while let (doc, score) = top.pop() { best.append((doc, score)) }
        best.sort { $0.doc < $1.doc }
        // Bonuses are cheap only where the matches' positions were recorded while collecting;
        // otherwise (words typed without diacritics) finding them walks the postings again.
        let bonuses =
            refiner.references != nil
            ? refiner.bonuses(for: best.map(\.doc)) : [Double](repeating: 0, count: best.count)
        var threshold = Double.infinity
        for k in best.indices { threshold = min(threshold, best[k].score + bonuses[k]) }
        var keptDocs: [UInt32] = []
        var keptScores: [Double] = []
        for k in self.docs.indices where self.scores[k] + maximum >= threshold {
            keptDocs.append(self.docs[k])
            keptScores.append(self.scores[k])
        }
        self.unreachable = self.docs.count - keptDocs.count
        self.docs = keptDocs
        self.scores = keptScores
    }
}
