/// Pops hits best first when scores are known only up to a bounded proximity bonus.
///
/// `pending` holds base scores; a document's final score lies in `[base, base + maximum]`. The best
/// refined hit is delivered once it beats every pending upper bound; otherwise the next batch of
/// pending documents (best bases first, doubling in size) gets its exact bonus.
struct RefiningHitOrder {
    private var pending: HitOrder
    /// Refined hits, a binary max-heap in result order.
    private var ready: [(doc: UInt32, score: Double)] = []
    private let refiner: ProximityRefiner
    private let maximum: Double
    private var batchSize = 16
    /// Documents whose bonus was computed (observable in tests).
    private(set) var refinedCount = 0

    init(pending: HitOrder, ready: [(doc: UInt32, score: Double)], refiner: ProximityRefiner, maximum: Double) {
        self.pending = pending
        self.refiner = refiner
        self.maximum = maximum
        for item in ready { self.push(item) }
    }

    mutating func pop() -> (UInt32, Double)? {
        while true {
            if let best = self.ready.first {
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
        guard let top = self.ready.first else { return nil }
        let last = self.ready.removeLast()
        if !self.ready.isEmpty {
            self.ready[0] = last
            var i = 0
            let n = self.ready.count
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                var c = l
                if l + 1 < n && HitOrder.better(self.ready[l + 1], self.ready[l]) { c = l + 1 }
                if !HitOrder.better(self.ready[c], self.ready[i]) { break }
                self.ready.swapAt(i, c)
                i = c
            }
        }
        return (top.doc, top.score)
    }

    private mutating func push(_ item: (doc: UInt32, score: Double)) {
        self.ready.append(item)
        var i = self.ready.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if !HitOrder.better(self.ready[i], self.ready[parent]) { break }
            self.ready.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func refineBatch() {
        var batch: [(doc: UInt32, score: Double)] = []
        while batch.count < self.batchSize, let (doc, base) = self.pending.pop() { batch.append((doc, base)) }
        self.batchSize *= 2
        batch.sort { $0.doc < $1.doc }
        let bonuses = self.refiner.bonuses(for: batch.map(\.doc))
        self.refinedCount += batch.count
        for (k, item) in batch.enumerated() { self.push((item.doc, item.score + bonuses[k])) }
    }
}
