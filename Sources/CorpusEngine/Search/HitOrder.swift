/// Pops (document, score) pairs best first: score descending, then document number ascending
/// (documents are numbered in article-id order).
///
/// With a small limit it selects the top `limit` in one pass and sorts only those; otherwise it
/// heapifies in O(n) and pops in O(log n), so the first hit costs O(n), not a full sort.
struct HitOrder {
    private var heap: [(doc: UInt32, score: Double)]
    private var sorted: Bool

    @inline(__always)
    static func better(_ a: (doc: UInt32, score: Double), _ b: (doc: UInt32, score: Double)) -> Bool {
        a.score > b.score || (a.score == b.score && a.doc < b.doc)
    }

    init(docs: [UInt32], scores: [Double], limit: Int?) {
        if let limit, limit <= 1_024, limit < docs.count {
            // Keep the best `limit` in a min-heap (the worst kept at the root), then sort them.
            var top: [(doc: UInt32, score: Double)] = []
            top.reserveCapacity(limit)
            for k in docs.indices {
                let item = (doc: docs[k], score: scores[k])
                if top.count < limit {
                    top.append(item)
                    Self.siftUp(&top, top.count - 1, worseFirst: true)
                } else if Self.better(item, top[0]) {
                    top[0] = item
                    Self.siftDown(&top, 0, worseFirst: true)
                }
            }
            top.sort { Self.better($1, $0) }  // worst first: pop from the end
            self.heap = top
            self.sorted = true
        } else {
            self.heap = zip(docs, scores).map { (doc: $0, score: $1) }
            self.sorted = false
            var i = self.heap.count / 2 - 1
            while i >= 0 {
                Self.siftDown(&self.heap, i, worseFirst: false)
                i -= 1
            }
        }
    }

    /// The next pair `pop()` would return.
    func peek() -> (doc: UInt32, score: Double)? {
        self.sorted ? self.heap.last : self.heap.first
    }

    var isEmpty: Bool { self.heap.isEmpty }

    mutating func pop() -> (UInt32, Double)? {
        if self.sorted {
            guard let last = self.heap.popLast() else { return nil }
            return (last.doc, last.score)
        }
        guard let top = self.heap.first else { return nil }
        let last = self.heap.removeLast()
        if !self.heap.isEmpty {
            self.heap[0] = last
            Self.siftDown(&self.heap, 0, worseFirst: false)
        }
        return (top.doc, top.score)
    }

    @inline(__always)
    private static func above(
        _ a: (doc: UInt32, score: Double),
        _ b: (doc: UInt32, score: Double),
        _ worseFirst: Bool
    ) -> Bool {
        worseFirst ? Self.better(b, a) : Self.better(a, b)
    }

    static func siftDown(_ heap: inout [(doc: UInt32, score: Double)], _ start: Int, worseFirst: Bool) {
        var i = start
        let n = heap.count
        while true {
            let l = 2 * i + 1
            if l >= n { return }
            var c = l
            if l + 1 < n && Self.above(heap[l + 1], heap[l], worseFirst) { c = l + 1 }
            if !Self.above(heap[c], heap[i], worseFirst) { return }
            heap.swapAt(i, c)
            i = c
        }
    }

    static func siftUp(_ heap: inout [(doc: UInt32, score: Double)], _ start: Int, worseFirst: Bool) {
        var i = start
        while i > 0 {
            let p = (i - 1) / 2
            if !Self.above(heap[i], heap[p], worseFirst) { return }
            heap.swapAt(i, p)
            i = p
        }
    }
}
