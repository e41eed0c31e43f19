/// The mutable state of one chunk build.
///
/// - Tokens are scanned without computing their forms; each distinct raw surface (`Đảng`, `đảng`,
///   ...) is normalized once and remembered, so the per-token cost is one hash lookup.
/// - A document's tokens are grouped by term with per-term linked lists (no sort).
/// - Postings are appended in document order to two flat buffers with one small record each; at
///   the end a counting sort by term lays every term's postings out contiguously, re-encoding the
///   document numbers as deltas.
struct IndexChunkBuilder {
    private var chunk = IndexChunk()
    private let tokenizer = VietnameseTokenizer()
    private var surfaces = ByteTermTable(capacity: 16_384)
    private var surfaceTerm: [UInt32] = []
    /// Per term: the document it was last seen in (+1, 0 = never) and its slot there.
    private var termMark: [UInt32] = []
    private var termSlot: [Int32] = []
    /// Per slot (distinct term of the current document): term, first and last token.
    private var slotTerm: [UInt32] = []
    private var slotHead: [Int32] = []
    private var slotTail: [Int32] = []
    /// Per token of the current document: position and the next token of the same term.
    private var tokenPosition: [UInt32] = []
    private var tokenNext: [Int32] = []
    /// One record per (document, term) posting, in creation order.
    private var recordTerm: [UInt32] = []
    private var recordDoc: [UInt32] = []
    private var recordFieldsStart: [UInt32] = []
    private var recordPositionsStart: [UInt32] = []
    private let fields = ByteSink(capacity: 1 << 20)
    private let positions = ByteSink(capacity: 1 << 22)

    mutating func add(_ document: IndexDocument, doc: UInt32) {
        self.slotTerm.removeAll(keepingCapacity: true)
        self.slotHead.removeAll(keepingCapacity: true)
        self.slotTail.removeAll(keepingCapacity: true)
        self.tokenPosition.removeAll(keepingCapacity: true)
        self.tokenNext.removeAll(keepingCapacity: true)
        var position: UInt32 = 0
        var lengths = SIMD8<UInt32>(repeating: 0)
        var starts = SIMD8<UInt32>(repeating: 0)
        var previousField = -1
        document.forEachUnit { field, text in
            let f = field.rawValue
            if f != previousField {
                // Fields without text get an empty range starting where the next one starts.
                for g in (previousField + 1)...f { starts[g] = position }
                previousField = f
            }
            if text.isEmpty { return }
            self.chunk.byteCount += text.utf8.count
            let count = self.addUnit(text, doc: doc, position: position)
            position += count + 1  // a gap after every unit keeps phrases inside it
            lengths[f] += count
        }
        self.chunk.tokenCount += Int(lengths.wrappedSum())
        self.chunk.fieldLengths.append(lengths)
        self.chunk.fieldStarts.append(starts)
        self.flush(doc: doc, starts: starts)
    }

    /// Adds the tokens of one text unit starting at `position`; returns how many there were.
    private mutating func addUnit(_ text: String, doc: UInt32, position start: UInt32) -> UInt32 {
        let tokens = self.tokenizer.tokens(in: text)
        var text = text
        text.withUTF8 { buffer in
            var position = start
            for token in tokens {
                let term = self.term(forSurface: UnsafeBufferPointer(rebasing: buffer[token.utf8Range]))
                self.note(term: term, position: position, doc: doc)
                position += 1
            }
        }
        return UInt32(tokens.count)
    }

    private mutating func term(forSurface surface: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let (id, inserted) = self.surfaces.insert(surface)
        if !inserted { return self.surfaceTerm[id] }
        let raw = String(decoding: surface, as: UTF8.self)
        var normalized = self.tokenizer.analyze(raw).first?.normalized ?? raw.lowercased()
        let (term, isNew) = normalized.withUTF8 { self.chunk.terms.insert($0) }
        if isNew {
            self.termMark.append(0)
            self.termSlot.append(0)
        }
        self.surfaceTerm.append(UInt32(term))
        return UInt32(term)
    }

    @inline(__always)
    private mutating func note(term: UInt32, position: UInt32, doc: UInt32) {
        let t = Int(term)
        let token = Int32(self.tokenPosition.count)
        self.tokenPosition.append(position)
        self.tokenNext.append(-1)
        if self.termMark[t] == doc &+ 1 {
            let slot = Int(self.termSlot[t])
            self.tokenNext[Int(self.slotTail[slot])] = token
            self.slotTail[slot] = token
        } else {
            self.termMark[t] = doc &+ 1
            self.termSlot[t] = Int32(self.slotTerm.count)
            self.slotTerm.append(term)
            self.slotHead.append(token)
            self.slotTail.append(token)
        }
    }

    /// Records the current document's postings, one per distinct term.
    private mutating func flush(doc: UInt32, starts: SIMD8<UInt32>) {
        for slot in self.slotTerm.indices {
            self.recordTerm.append(self.slotTerm[slot])
            self.recordDoc.append(doc)
            self.recordFieldsStart.append(UInt32(self.fields.count))
            self.recordPositionsStart.append(UInt32(self.positions.count))
            var tf = SIMD8<UInt32>(repeating: 0)
            var previous: UInt32 = 0
            let positionsStart = self.positions.count
            var token = Int(self.slotHead[slot])
            while token >= 0 {
                let position = self.tokenPosition[token]
                tf[IndexChunk.field(of: position, starts: starts)] += 1
                self.positions.appendVarInt(position - previous)
                previous = position
                token = Int(self.tokenNext[token])
            }
            var mask: UInt8 = 0
            for f in 0..<IndexField.count where tf[f] > 0 { mask |= 1 << UInt8(f) }
            self.fields.append(mask)
            for f in 0..<IndexField.count where tf[f] > 0 { self.fields.appendVarInt(tf[f]) }
            self.fields.appendVarInt(UInt32(self.positions.count - positionsStart))
        }
    }

    /// Lays the postings out term by term.
    mutating func finish() -> IndexChunk {
        let termCount = self.chunk.terms.count
        let recordCount = self.recordTerm.count
        self.recordFieldsStart.append(UInt32(self.fields.count))
        self.recordPositionsStart.append(UInt32(self.positions.count))
        var start = [Int](repeating: 0, count: termCount + 1)
        for term in self.recordTerm { start[Int(term) + 1] += 1 }
        for t in 0..<termCount { start[t + 1] += start[t] }
        var order = [Int32](repeating: 0, count: recordCount)
        var fill = start
        for r in 0..<recordCount {
            let t = Int(self.recordTerm[r])
            order[fill[t]] = Int32(r)
            fill[t] += 1
        }
        var chunk = self.chunk
        chunk.surfaces = self.surfaces
        chunk.surfaceTerm = self.surfaceTerm
        chunk.docBytes = ByteSink(capacity: self.fields.count + recordCount * 3)
        chunk.positionBytes = ByteSink(capacity: self.positions.count)
        chunk.documentFrequency = [UInt32](repeating: 0, count: termCount)
        chunk.firstDoc = [UInt32](repeating: 0, count: termCount)
        chunk.lastDoc = [UInt32](repeating: 0, count: termCount)
        chunk.docOffsets = [0]
        chunk.positionOffsets = [0]
        chunk.docOffsets.reserveCapacity(termCount + 1)
        chunk.positionOffsets.reserveCapacity(termCount + 1)
        for t in 0..<termCount {
            var previous: UInt32 = 0
            for k in start[t]..<start[t + 1] {
                let r = Int(order[k])
                let doc = self.recordDoc[r]
                if k == start[t] {
                    chunk.firstDoc[t] = doc
                    chunk.docBytes.appendVarInt(doc)
                } else {
                    chunk.docBytes.appendVarInt(doc - previous)
                }
                previous = doc
                let fieldsStart = Int(self.recordFieldsStart[r])
                chunk.docBytes.append(
                    self.fields.base + fieldsStart,
                    count: Int(self.recordFieldsStart[r + 1]) - fieldsStart
                )
                let positionsStart = Int(self.recordPositionsStart[r])
                chunk.positionBytes.append(
                    self.positions.base + positionsStart,
                    count: Int(self.recordPositionsStart[r + 1]) - positionsStart
                )
            }
            chunk.documentFrequency[t] = UInt32(start[t + 1] - start[t])
            chunk.lastDoc[t] = previous
            chunk.docOffsets.append(chunk.docBytes.count)
            chunk.positionOffsets.append(chunk.positionBytes.count)
        }
        return chunk
    }
}
