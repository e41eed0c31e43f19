/// Pops hits best first when scores are known only up to a bounded proximity bonus.
///
/// `pending` holds base scores; a document's final score lies in `[base, base + maximum]`. The best
/// refined hit is delivered once it beats every pending upper bound; otherwise the next batch of
/// pending documents (best bases first, doubling in size) gets its exact bonus.
struct RefiningHitOrder {
    private var pending: HitOrder
    /// Refined hits, worst first (so the best is popped from the end).
    private var ready: [(doc: UInt32, score: Double)]
    private let refiner: ProximityRefiner
    private let maximum: Double
    private var batchSize = 16
    /// Documents whose bonus was computed (observable in tests).
    private(set) var refinedCount = 0

    init(pending: HitOrder, ready: [(doc: UInt32, score: Double)], refiner: ProximityRefiner, maximum: Double) {
        self.pending = pending
        self.ready = ready.sorted { HitOrder.better($1, $0) }
        self.refiner = refiner
        self.maximum = maximum
    }

    mutating func pop() -> (UInt32, Double)? {
        while true {
            if let best = self.ready.last {
                guard let next = self.pending.peek() else { return self.popReady() }
                let bound = (doc: next.doc, score: next.score + self.maximum)
                if HitOrder.better(best, bound) { return self.popReady() }
            } else if self.pending.isEmpty {
                return nil
            }
            self.refineBatch()
        }
    }

    private mutating func popReady() -> (UInt32, Double)? {
        self.ready.popLast().map { ($0.doc, $0.score) }
    }

    private mutating func refineBatch() {
        var batch: [(doc: UInt32, score: Double)] = []
        while batch.count < self.batchSize, let (doc, base) = self.pending.pop() { batch.append((doc, base)) }
        self.batchSize *= 2
        batch.sort { $0.doc < $1.doc }
        let bonuses = self.refiner.bonuses(for: batch.map(\.doc))
        self.refinedCount += batch.count
        for (k, item) in batch.enumerated() { self.ready.append((item.doc, item.score + bonuses[k])) }
        self.ready.sort { HitOrder.better($1, $0) }
    }
}
