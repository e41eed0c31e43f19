/// A partial index over a contiguous range of documents, built by one task.
///
/// Postings of a term, per document (in the document stream):
///
///     varint(docDelta) byte(fieldMask) varint(tf) for each set field bit
///
/// and, in the position stream, `sum(tf)` varint position deltas (the first relative to 0).
/// In a chunk the first delta of each term is the absolute document number; the merge re-bases it.
struct IndexChunk: Sendable {
    /// Local term dictionary (normalized syllables).
    var terms = ByteTermTable(capacity: 8192)
    var docStreams: [[UInt8]] = []
    var positionStreams: [[UInt8]] = []
    var documentFrequency: [UInt32] = []
    var firstDoc: [UInt32] = []
    var lastDoc: [UInt32] = []
    /// Per document: field lengths (tokens) and the position where each field starts, 8 lanes each.
    var fieldLengths: [SIMD8<UInt32>] = []
    var fieldStarts: [SIMD8<UInt32>] = []
    var tokenCount = 0
    var byteCount = 0

    /// Builds the partial index for documents `range` of `documents`.
    static func build(_ documents: ArraySlice<IndexDocument>, firstDocNumber: Int) -> IndexChunk {
        var chunk = IndexChunk()
        let tokenizer = VietnameseTokenizer()
        var postings: [UInt64] = []
        postings.reserveCapacity(4096)
        var docNumber = UInt32(firstDocNumber)
        for document in documents {
            postings.removeAll(keepingCapacity: true)
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
                var text = text
                chunk.byteCount += text.utf8.count
                text.withUTF8 { buffer in
                    tokenizer.forEachToken(inUTF8: buffer) { _, forms in
                        let term = chunk.internTerm(forms.normalizedUTF8)
                        postings.append(UInt64(term) << 32 | UInt64(position))
                        position += 1
                        lengths[f] += 1
                    }
                }
                position += 1  // a gap after every unit keeps phrases inside it
            }
            chunk.tokenCount += Int(lengths.wrappedSum())
            chunk.fieldLengths.append(lengths)
            chunk.fieldStarts.append(starts)
            postings.sort()
            chunk.appendPostings(postings, doc: docNumber, starts: starts)
            docNumber += 1
        }
        return chunk
    }

    private mutating func internTerm(_ normalized: UnsafeBufferPointer<UInt8>) -> Int {
        let (id, inserted) = self.terms.insert(normalized)
        if inserted {
            self.docStreams.append([])
            self.positionStreams.append([])
            self.documentFrequency.append(0)
            self.firstDoc.append(0)
            self.lastDoc.append(0)
        }
        return id
    }

    /// The field that a position belongs to, given the document's field start positions.
    @inline(__always)
    static func field(of position: UInt32, starts: SIMD8<UInt32>) -> Int {
        var f = IndexField.count - 1
        while f > 0 && position < starts[f] { f -= 1 }
        return f
    }

    /// Appends one document's postings, sorted by (term, position).
    private mutating func appendPostings(_ postings: [UInt64], doc: UInt32, starts: SIMD8<UInt32>) {
        var i = 0
        while i < postings.count {
            let term = Int(postings[i] >> 32)
            var j = i
            var tf = SIMD8<UInt32>(repeating: 0)
            while j < postings.count, Int(postings[j] >> 32) == term {
                tf[Self.field(of: UInt32(truncatingIfNeeded: postings[j]), starts: starts)] += 1
                j += 1
            }
            let delta = self.documentFrequency[term] == 0 ? doc : doc - self.lastDoc[term]
            if self.documentFrequency[term] == 0 { self.firstDoc[term] = doc }
            self.documentFrequency[term] += 1
            self.lastDoc[term] = doc
            var mask: UInt8 = 0
            for f in 0..<IndexField.count where tf[f] > 0 { mask |= 1 << UInt8(f) }
            VarInt.append(delta, to: &self.docStreams[term])
            self.docStreams[term].append(mask)
            for f in 0..<IndexField.count where tf[f] > 0 { VarInt.append(tf[f], to: &self.docStreams[term]) }
            var previous: UInt32 = 0
            for k in i..<j {
                let position = UInt32(truncatingIfNeeded: postings[k])
                VarInt.append(position - previous, to: &self.positionStreams[term])
                previous = position
            }
            i = j
        }
    }
}
