/// Skip data for the postings of common terms: for every block of ``blockSize`` postings, the
/// last document of the block, where the next block starts, and the block's largest weighted
/// frequency (an upper bound of its scores).
///
/// Postings are delta-coded varints, so reaching a document far ahead means reading every
/// posting before it. With the table, an intersection that needs a document many blocks ahead
/// (a rare term against a common one) jumps to the block that may hold it and reads from there.
/// Terms with fewer than two blocks of postings have no entries. The table costs 16 bytes per
/// block, half a byte per posting.
///
/// The largest weighted frequency bounds the BM25 part of the score of any posting in the block,
/// for any subset of the fields (``maxWeight``), so a limited search can pass over blocks that
/// cannot hold a hit (see `ConjunctionScorer.collectTop`).
final class SkipTable: @unchecked Sendable {
    /// Postings per block.
    static let blockSize = 32

    /// One block of a term's postings.
    struct Entry: Sendable {
        /// The document of the block's last posting (the delta base of the next block).
        var lastDoc: UInt32
        /// Where the next block starts, relative to the term's first posting.
        var nextDocOffset: UInt32
        /// Where the next block's positions start, relative to the term's first position.
        var nextPositionOffset: UInt32
        /// The block's largest `sum(tf[f] * norm[f])` over every field: no posting of the block
        /// weighs more under any field mask of zeros and ones.
        var maxWeight: Float
    }

    /// Per term `t`: its entries are `starts[t]..<starts[t + 1]`.
    private let starts: [UInt32]
    private let entries: UnsafeMutableBufferPointer<Entry>
    /// Per term: ``Entry/maxWeight`` of its last block, which has no entry (0 for a term without
    /// entries).
    private let tailWeights: [Float]

    /// Bytes held.
    var memoryFootprint: Int {
        self.starts.count * 4 + self.tailWeights.count * 4 + self.entries.count * MemoryLayout<Entry>.stride
    }

    /// Builds the table by walking every posting of the terms that have at least two blocks;
    /// `norms` are the per-document field norms the scores use.
    init(docArena: ByteArena, docOffsets: [Int], documentFrequency: [UInt32], norms: [SIMD8<Float>]) {
        let block = Self.blockSize
        let termCount = max(docOffsets.count - 1, 0)
        // Counted first, from the document frequencies: every full block followed by another
        // posting has an entry, and the table is written in place.
        var starts = [UInt32](repeating: 0, count: termCount + 1)
        for term in 0..<termCount {
            let df = Int(documentFrequency[term])
            starts[term + 1] = starts[term] + UInt32(df >= 2 * block ? (df - 1) / block : 0)
        }
        let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: max(Int(starts[termCount]), 1))
        var tailWeights = [Float](repeating: 0, count: termCount)
        for term in 0..<termCount where starts[term + 1] > starts[term] {
            let base = docArena.pointer(at: docOffsets[term])
            let end = docArena.pointer(at: docOffsets[term + 1])
            var pointer = base
            var doc: UInt32 = 0
            var positions = 0
            var inBlock = 0
            var at = Int(starts[term])
            var heaviest: Float = 0
            while pointer < end {
                doc &+= VarInt.read(&pointer)
                let mask = pointer.pointee
                pointer += 1
                // The weight as the conjunction loops compute it (the cursor's frequency vector
                // times the norms, summed); the block-max loop adds a slack for other orders.
                let (tf, _) = PostingCursor.readFrequencies(mask: mask, at: &pointer)
                heaviest = max(heaviest, (tf * norms[Int(doc)]).sum())
                positions += Int(VarInt.read(&pointer))
                inBlock += 1
                // A last, partial block needs no entry: nothing follows it.
                if inBlock == block, pointer < end {
                    entries.initializeElement(
                        at: at,
                        to: Entry(
                            lastDoc: doc,
                            nextDocOffset: UInt32(pointer - base),
                            nextPositionOffset: UInt32(positions),
                            maxWeight: heaviest
                        )
                    )
                    at += 1
                    inBlock = 0
                    heaviest = 0
                }
            }
            precondition(at == Int(starts[term + 1]), "skip entries of a term do not match its document frequency")
            tailWeights[term] = heaviest
        }
        self.starts = starts
        self.entries = entries
        self.tailWeights = tailWeights
    }

    deinit {
        self.entries.deallocate()
    }

    /// The entries of `term`, as a pointer range valid while this table lives (empty for a term
    /// with fewer than two blocks).
    func entries(of term: Int) -> Range<UnsafePointer<Entry>> {
        let base = UnsafePointer(self.entries.baseAddress!)
        return (base + Int(self.starts[term]))..<(base + Int(self.starts[term + 1]))
    }

    /// The largest weighted frequency in the last block of `term` (the one without an entry).
    func tailWeight(of term: Int) -> Float {
        self.tailWeights[term]
    }
}
