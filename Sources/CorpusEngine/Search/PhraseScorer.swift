/// Syllables adjacent and in order. Scored like one term whose idf is the sum of its syllables'
/// and whose frequency is the number of phrase occurrences per field.
final class PhraseScorer: DocScorer {
    private let index: SearchIndex
    let members: [TermScorer]
    private let ordered: [TermScorer]
    private let idf: Double
    private(set) var doc: UInt32 = 0
    private var tf = SIMD8<Float>(repeating: 0)
    private let lists: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt32>>
    private let cursors: UnsafeMutableBufferPointer<Int>

    init(index: SearchIndex, members: [TermScorer]) {
        self.index = index
        self.members = members
        self.ordered = members.sorted { $0.cost < $1.cost }
        self.idf = members.reduce(0) { $0 + $1.idf }
        self.lists = .allocate(capacity: members.count)
        self.lists.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0))
        self.cursors = .allocate(capacity: members.count)
        self.cursors.initialize(repeating: 0)
        self.doc = self.align(from: 0)
    }

    deinit {
        self.lists.deallocate()
        self.cursors.deallocate()
    }

    var cost: Int { self.ordered.first?.cost ?? 0 }

    private func align(from start: UInt32) -> UInt32 {
        var target = start
        outer: while true {
            guard let lead = self.ordered.first else { return .max }
            target = lead.advance(to: target)
            if target == .max { return .max }
            for member in self.ordered.dropFirst() {
                let d = member.advance(to: target)
                if d != target {
                    if d == .max { return .max }
                    target = d
                    continue outer
                }
            }
            if self.countOccurrences(doc: target) { return target }
            target += 1
        }
    }

    /// Counts phrase occurrences per field in `doc`; false if there are none.
    private func countOccurrences(doc: UInt32) -> Bool {
        let count = self.members.count
        // Scorer-owned buffers, valid while the members stay on `doc`.
        let lists = self.lists
        for k in 0..<count { lists[k] = self.members[k].currentPositions() }
        let cursors = self.cursors
        for k in 0..<count { cursors[k] = 0 }
        let starts = self.index.fieldStarts[Int(doc)]
        var tf = SIMD8<Float>(repeating: 0)
        for p in lists[0] {
            var all = true
            for k in 1..<count {
                let want = p + UInt32(k)
                let list = lists[k]
                var c = cursors[k]
                while c < list.count && list[c] < want { c += 1 }
                cursors[k] = c
                if c == list.count || list[c] != want {
                    all = false
                    break
                }
            }
            if all { tf[IndexChunk.field(of: p, starts: starts)] += 1 }
        }
        self.tf = tf
        return tf.sum() > 0
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
        let weighted = (self.tf * self.index.fieldNorms[Int(self.doc)]).sum()
        return BM25.score(weightedFrequency: weighted, idf: self.idf, k1: self.index.configuration.k1)
    }
}
