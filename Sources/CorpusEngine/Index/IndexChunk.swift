/// A partial index over a contiguous range of documents, built by one task.
///
/// Postings of a term, per document (in the document stream):
///
///     varint(docDelta) byte(fieldMask) varint(tf) for each set field bit, varint(positionBytes)
///
/// and, in the position stream, `sum(tf)` varint position deltas (the first relative to 0) taking
/// `positionBytes` bytes, so a cursor skips a document's positions in O(1) and can come back to them.
/// Each local term's postings are contiguous in `docBytes` / `positionBytes`; in a chunk the first
/// delta of each term is the absolute document number, and the merge re-bases it.
struct IndexChunk: @unchecked Sendable {
    /// Local term dictionary (normalized syllables).
    var terms = ByteTermTable(capacity: 8192)
    /// Raw token surfaces seen (`Đảng`, `đảng`) and the local term each normalizes to.
    var surfaces = ByteTermTable(capacity: 16)
    var surfaceTerm: [UInt32] = []
    /// Per local term `t`: its bytes are `docOffsets[t]..<docOffsets[t + 1]`.
    var docBytes = ByteSink(capacity: 16)
    var docOffsets: [Int] = [0]
    var positionBytes = ByteSink(capacity: 16)
    var positionOffsets: [Int] = [0]
    var documentFrequency: [UInt32] = []
    var firstDoc: [UInt32] = []
    var lastDoc: [UInt32] = []
    /// Per document: field lengths (tokens) and the position where each field starts, 8 lanes each.
    var fieldLengths: [SIMD8<UInt32>] = []
    var fieldStarts: [SIMD8<UInt32>] = []
    var tokenCount = 0
    var byteCount = 0

    /// Builds the partial index for `documents`, numbered from `firstDocNumber`.
    static func build(_ documents: ArraySlice<IndexDocument>, firstDocNumber: Int) -> IndexChunk {
        var builder = IndexChunkBuilder()
        var docNumber = UInt32(firstDocNumber)
        for document in documents {
            builder.add(document, doc: docNumber)
            docNumber += 1
        }
        return builder.finish()
    }

    /// The field that a position belongs to, given the document's field start positions.
    @inline(__always)
    static func field(of position: UInt32, starts: SIMD8<UInt32>) -> Int {
        var f = IndexField.count - 1
        while f > 0 && position < starts[f] { f -= 1 }
        return f
    }
}
