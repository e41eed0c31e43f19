/// Syllables adjacent and in order. Scored like one term whose idf is the sum of its syllables'
/// and whose frequency is the number of phrase occurrences per field.
final class PhraseScorer: DocScorer {
    private let index: SearchIndex
    let members: [TermScorer]
    private let ordered: [TermScorer]
    private let idf: Double
    private(set) var doc: UInt32 = 0
    private var tf = SIMD8<Float>(repeating: 0)

    init(index: SearchIndex, members: [TermScorer]) {
        self.index = index
        self.members = members
        self.ordered = members.sorted { $0.cost < $1.cost }
        self.idf = members.reduce(0) { $0 + $1.idf }
        self.doc = self.align(from: 0)
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
        let first = self.members[0].positions()
        let others = self.members.map { $0.positions() }
        let starts = self.index.fieldStarts[Int(doc)]
        var tf = SIMD8<Float>(repeating: 0)
        var cursors = [Int](repeating: 0, count: self.members.count)
        for p in first {
            var all = true
            for k in 1..<self.members.count {
                let want = p + UInt32(k)
                let list = others[k]
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
