/// One query syllable: the union of the postings of its variants (one variant when typed with
/// diacritics, every accented variant when typed without), restricted to some fields.
///
/// The variants' frequencies are summed and share one idf, so the plain unaccented form ranks
/// exactly like any accented one.
final class TermScorer: DocScorer {
    private let index: SearchIndex
    private var cursors: [PostingCursor]
    private let fieldMask: SIMD8<Float>
    private let fieldBits: UInt8
    let idf: Double
    let terms: [UInt32]
    let cost: Int
    private(set) var doc: UInt32 = 0
    /// Field-masked frequency on the current document, summed over variants.
    private(set) var tf = SIMD8<Float>(repeating: 0)

    init(index: SearchIndex, terms: [UInt32], fieldBits: UInt8) {
        self.index = index
        self.terms = terms
        self.cursors = terms.map { PostingCursor(index: index, term: Int($0)) }
        self.fieldBits = fieldBits
        var mask = SIMD8<Float>(repeating: 0)
        for f in 0..<IndexField.count where fieldBits & (1 << UInt8(f)) != 0 { mask[f] = 1 }
        self.fieldMask = mask
        let df = terms.reduce(0) { $0 + Int(index.documentFrequency[Int($1)]) }
        self.cost = df
        self.idf = BM25.idf(documentFrequency: df, documents: index.documentCount)
        self.settle()
    }

    /// Moves `doc` to the smallest cursor document that has a match in an allowed field.
    private func settle() {
        while true {
            var smallest = UInt32.max
            for cursor in self.cursors where cursor.doc < smallest { smallest = cursor.doc }
            self.doc = smallest
            if smallest == .max { return }
            var tf = SIMD8<Float>(repeating: 0)
            for cursor in self.cursors where cursor.doc == smallest { tf += cursor.tf }
            tf *= self.fieldMask
            if tf.sum() > 0 {
                self.tf = tf
                return
            }
            for k in self.cursors.indices where self.cursors[k].doc == smallest { self.cursors[k].next() }
        }
    }

    func next() -> UInt32 {
        let current = self.doc
        if current == .max { return .max }
        for k in self.cursors.indices where self.cursors[k].doc == current { self.cursors[k].next() }
        self.settle()
        return self.doc
    }

    func advance(to target: UInt32) -> UInt32 {
        if self.doc >= target { return self.doc }
        for k in self.cursors.indices { self.cursors[k].advance(to: target) }
        self.settle()
        return self.doc
    }

    func score() -> Double {
        let weighted = (self.tf * self.index.fieldNorms[Int(self.doc)]).sum()
        return BM25.score(weightedFrequency: weighted, idf: self.idf, k1: self.index.configuration.k1)
    }

    private var cachedPositions: [UInt32] = []
    private var cachedDoc = UInt32.max

    /// The current document's positions of this term in the allowed fields, ascending.
    func positions(into output: inout [UInt32]) {
        let current = self.doc
        if current != self.cachedDoc {
            self.decodePositions(into: &self.cachedPositions)
            self.cachedDoc = current
        }
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: self.cachedPositions)
    }

    private func decodePositions(into output: inout [UInt32]) {
        output.removeAll(keepingCapacity: true)
        let current = self.doc
        for k in self.cursors.indices where self.cursors[k].doc == current {
            self.cursors[k].appendPositions(to: &output)
        }
        if self.fieldBits != IndexField.allMask {
            let starts = self.index.fieldStarts[Int(current)]
            output.removeAll { position in
                self.fieldBits & (1 << UInt8(IndexChunk.field(of: position, starts: starts))) == 0
            }
        }
        if self.cursors.count > 1 { output.sort() }
    }
}

extension IndexField {
    /// Every field.
    static let allMask: UInt8 = 0b11_1111

    /// The bit of this field in a field mask.
    var bit: UInt8 { 1 << UInt8(self.rawValue) }
}
