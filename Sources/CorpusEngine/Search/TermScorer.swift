/// One query syllable: the union of the postings of its variants (one variant when typed with
/// diacritics, every accented variant when typed without), restricted to some fields.
///
/// The variants' frequencies are summed and share one idf, so the plain unaccented form ranks
/// exactly like any accented one.
///
/// The mutable cursor state lives in manually allocated memory rather than in `var` properties:
/// Swift enforces exclusive access to class properties dynamically, and those checks dominated
/// the per-document cost of the scoring loop.
final class TermScorer: DocScorer {
    private let index: SearchIndex
    private let cursors: UnsafeMutableBufferPointer<PostingCursor>
    private let fieldMask: SIMD8<Float>
    /// The allowed fields as a lane range of positions: `[starts[lowField], starts[highField + 1])`.
    private let lowField: Int
    private let highField: Int
    let idf: Double
    let terms: [UInt32]
    let fieldBits: UInt8
    let cost: Int
    private let state: UnsafeMutablePointer<(doc: UInt32, tf: SIMD8<Float>, cachedDoc: UInt32)>
    private let positionBuffer: UnsafeMutablePointer<(base: UnsafeMutablePointer<UInt32>, count: Int, capacity: Int)>

    var doc: UInt32 { self.state.pointee.doc }

    /// The posting cursor when this term has exactly one variant (for bulk loops), else `nil`.
    var singleCursor: PostingCursor? { self.cursors.count == 1 ? self.cursors[0] : nil }

    /// 1 for the fields this term searches, 0 elsewhere.
    var fieldWeightMask: SIMD8<Float> { self.fieldMask }

    /// Field-masked frequency on the current document, summed over variants.
    var tf: SIMD8<Float> { self.state.pointee.tf }

    init(index: SearchIndex, terms: [UInt32], fieldBits: UInt8) {
        self.index = index
        self.terms = terms
        self.fieldBits = fieldBits
        self.cursors = .allocate(capacity: terms.count)
        _ = self.cursors.initialize(from: terms.map { PostingCursor(index: index, term: Int($0), fields: fieldBits) })
        var mask = SIMD8<Float>(repeating: 0)
        var low = IndexField.count
        var high = 0
        for f in 0..<IndexField.count where fieldBits & (1 << UInt8(f)) != 0 {
            mask[f] = 1
            low = min(low, f)
            high = max(high, f)
        }
        self.fieldMask = mask
        self.lowField = low
        self.highField = high
        let df = terms.reduce(0) { $0 + Int(index.documentFrequency[Int($1)]) }
        // A title- or byline-only term visits only the documents matching in that field.
        self.cost =
            index.fieldPostings(for: fieldBits).map { table in
                terms.reduce(0) { $0 + table.count(of: Int($1)) }
            } ?? df
        self.idf = BM25.idf(documentFrequency: df, documents: index.documentCount)
        self.state = .allocate(capacity: 1)
        self.state.initialize(to: (0, SIMD8(repeating: 0), .max))
        self.positionBuffer = .allocate(capacity: 1)
        self.positionBuffer.initialize(to: (.allocate(capacity: 64), 0, 64))
        self.settle()
    }

    deinit {
        self.cursors.deinitialize().deallocate()
        self.state.deinitialize(count: 1).deallocate()
        self.positionBuffer.pointee.base.deallocate()
        self.positionBuffer.deinitialize(count: 1).deallocate()
    }

    /// Moves `doc` to the smallest cursor document that has a match in an allowed field.
    @inline(__always)
    private func settle() {
        let cursors = self.cursors
        if cursors.count == 1 {
            while true {
                let doc = cursors[0].doc
                let tf = cursors[0].tf * self.fieldMask
                if doc == .max || tf.sum() > 0 {
                    self.state.pointee.doc = doc
                    self.state.pointee.tf = tf
                    return
                }
                cursors[0].next()
            }
        }
        while true {
            var smallest = UInt32.max
            for k in cursors.indices where cursors[k].doc < smallest { smallest = cursors[k].doc }
            self.state.pointee.doc = smallest
            if smallest == .max { return }
            var tf = SIMD8<Float>(repeating: 0)
            for k in cursors.indices where cursors[k].doc == smallest { tf += cursors[k].tf }
            tf *= self.fieldMask
            if tf.sum() > 0 {
                self.state.pointee.tf = tf
                return
            }
            for k in cursors.indices where cursors[k].doc == smallest { cursors[k].next() }
        }
    }

    func next() -> UInt32 {
        let current = self.state.pointee.doc
        if current == .max { return .max }
        for k in self.cursors.indices where self.cursors[k].doc == current { self.cursors[k].next() }
        self.settle()
        return self.state.pointee.doc
    }

    func advance(to target: UInt32) -> UInt32 {
        if self.state.pointee.doc >= target { return self.state.pointee.doc }
        for k in self.cursors.indices { self.cursors[k].advance(to: target) }
        self.settle()
        return self.state.pointee.doc
    }

    func score() -> Double {
        let doc = Int(self.state.pointee.doc)
        let weighted = (self.state.pointee.tf * self.index.fieldNorms[doc]).sum()
        return BM25.score(weightedFrequency: weighted, idf: self.idf, k1: self.index.configuration.k1)
    }

    /// Scores every remaining match into `sink` in one tight loop (the whole query when a
    /// single term is the root); polls `isCancelled` every 1024 documents.
    func collectAll<Sink: MatchSink>(into sink: inout Sink, isCancelled: () -> Bool) -> Bool {
        let k1 = self.index.configuration.k1
        let idf = self.idf
        sink.begin(terms: [], index: self.index, expectedMatches: min(self.cost, self.index.documentCount))
        let mask = self.fieldMask
        return self.index.fieldNorms.withUnsafeBufferPointer { norms in
            var count = 0
            if self.cursors.count == 1 {
                // One variant: decode the posting stream directly.
                var cancelled = false
                let factor = idf * (k1 + 1)
                self.cursors[0].drain(fieldMask: mask, norms: norms) { doc, weighted in
                    guard weighted > 0, !cancelled else { return }
                    let w = Double(weighted)
                    sink.take(doc: doc, base: factor * w / (w + k1), bonus: { 0 })
                    count += 1
                    if count & 1023 == 0, isCancelled() { cancelled = true }
                }
                self.state.pointee.doc = .max
                return !cancelled
            }
            // Several variants (a word typed without diacritics), of a rare word: merged document
            // by document. Of a common one: each variant's postings are read in one pass into
            // per-document frequencies (a table over every document, cheaper than the merge once
            // the word is in an eighth of them). Frequencies are whole numbers, so the sums equal
            // the merge's exactly.
            if self.cost < self.index.documentCount / 8 {
                while self.state.pointee.doc != .max {
                    let doc = self.state.pointee.doc
                    let weighted = (self.state.pointee.tf * norms[Int(doc)]).sum()
                    sink.take(doc: doc, base: BM25.score(weightedFrequency: weighted, idf: idf, k1: k1), bonus: { 0 })
                    _ = self.next()
                    count += 1
                    if count & 1023 == 0, isCancelled() { return false }
                }
                return true
            }
            let frequencies = UnsafeMutableBufferPointer<SIMD8<Float>>.allocate(capacity: self.index.documentCount)
            defer { frequencies.deallocate() }
            self.frequencies(into: frequencies)
            if isCancelled() { return false }
            self.state.pointee.doc = .max
            return self.scoreTable(frequencies, norms: norms) { doc, score in
                sink.take(doc: UInt32(doc), base: score, bonus: { 0 })
                count += 1
                return count & 1023 != 0 || !isCancelled()
            }
        }
    }

    /// Writes the frequencies of every document into `table` (one entry per document, zero where
    /// the term is absent), summed over the variants, not masked by field. The scorer itself does
    /// not move: its cursors are read through copies.
    func frequencies(into table: UnsafeMutableBufferPointer<SIMD8<Float>>) {
        table.update(repeating: SIMD8(repeating: 0))
        for k in self.cursors.indices {
            var cursor = self.cursors[k]
            cursor.accumulate(into: table)
        }
    }

    /// Calls `body(doc, score)`, in document order, for every document of `table` (filled by
    /// ``frequencies(into:)``) where this term occurs in its fields, with its BM25 score (the
    /// arithmetic of ``score()``). Stops, returning `false`, when `body` does.
    @inline(__always)
    func scoreTable(
        _ table: UnsafeMutableBufferPointer<SIMD8<Float>>,
        norms: UnsafeBufferPointer<SIMD8<Float>>,
        _ body: (Int, Double) -> Bool
    ) -> Bool {
        let k1 = self.index.configuration.k1
        for doc in 0..<table.count {
            let tf = table[doc] * self.fieldMask
            guard tf.sum() > 0 else { continue }
            guard body(doc, BM25.score(weightedFrequency: (tf * norms[doc]).sum(), idf: self.idf, k1: k1)) else {
                return false
            }
        }
        return true
    }

    /// The current document's positions of this term in the allowed fields, ascending.
    func positions(into output: inout [UInt32]) {
        output = Array(self.currentPositions())
    }

    /// The current document's positions of this term in the allowed fields, ascending (decoded
    /// once per document).
    func positions() -> [UInt32] { Array(self.currentPositions()) }

    /// Calls `body` with the current document's positions (decoded once per document).
    func withPositions<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        body(self.currentPositions())
    }

    /// Whether this term has one variant (its positions stream straight from the postings).
    var hasSingleVariant: Bool { self.cursors.count == 1 }

    /// The current document's positions as a stream valid until this scorer moves.
    ///
    /// One variant streams straight from the postings, positions in fields this term does not
    /// search included (a phrase check that anchors on an allowed position cannot match them:
    /// a phrase never spans two fields); several variants stream the merged list of
    /// ``currentPositions()``.
    func positionStream() -> PositionStream {
        if self.cursors.count == 1 {
            let cursor = self.cursors[0]
            return cursor.doc == .max
                ? PositionStream() : PositionStream(encoded: cursor.positionsStart, count: cursor.tfTotal)
        }
        return PositionStream(decoded: self.currentPositions())
    }

    /// The current document's positions, in scorer-owned memory valid until this scorer moves.
    func currentPositions() -> UnsafeBufferPointer<UInt32> {
        let current = self.state.pointee.doc
        if current != self.state.pointee.cachedDoc {
            self.decodePositions()
            self.state.pointee.cachedDoc = current
        }
        return UnsafeBufferPointer(start: self.positionBuffer.pointee.base, count: self.positionBuffer.pointee.count)
    }

    private func decodePositions() {
        let current = self.state.pointee.doc
        var total = 0
        for k in self.cursors.indices where self.cursors[k].doc == current { total += self.cursors[k].tfTotal }
        if total > self.positionBuffer.pointee.capacity {
            self.positionBuffer.pointee.base.deallocate()
            let capacity = max(total, self.positionBuffer.pointee.capacity * 2)
            self.positionBuffer.pointee = (UnsafeMutablePointer<UInt32>.allocate(capacity: capacity), 0, capacity)
        }
        let base = self.positionBuffer.pointee.base
        var count = 0
        for k in self.cursors.indices where self.cursors[k].doc == current {
            var pointer = self.cursors[k].positionsStart
            var position: UInt32 = 0
            for _ in 0..<self.cursors[k].tfTotal {
                position += VarInt.read(&pointer)
                base[count] = position
                count += 1
            }
        }
        var buffer = UnsafeMutableBufferPointer(start: base, count: count)
        if self.cursors.count > 1 { buffer.sort() }
        // The allowed fields are contiguous, so their positions form one range.
        let starts = self.index.fieldStarts[Int(current)]
        let low = self.lowField == 0 ? 0 : starts[self.lowField]
        let high = self.highField + 1 < IndexField.count ? starts[self.highField + 1] : UInt32.max
        if count > 0, buffer[0] < low || buffer[count - 1] >= high {
            var kept = 0
            for i in 0..<count where buffer[i] >= low && buffer[i] < high {
                buffer[kept] = buffer[i]
                kept += 1
            }
            count = kept
        }
        self.positionBuffer.pointee.count = count
    }
}

extension IndexField {
    /// Every field.
    static let allMask: UInt8 = 0b11_1111

    /// The bit of this field in a field mask.
    var bit: UInt8 { 1 << UInt8(self.rawValue) }
}
