/// For each common term, a bitmap of the documents in which it occurs in a free-text field.
///
/// A limited search of common words scores only the blocks that may hold a hit (see
/// `ConjunctionScorer.collectTop`), yet must still report how many documents match. With these
/// bitmaps that count is a population count of their intersection: a few microseconds, where
/// intersecting the postings of two words found in every document takes milliseconds.
///
/// A term has a bitmap when it occurs in at least a sixteenth of the documents (and in two skip
/// blocks' worth), so a bitmap is at most 16 bits per posting. With the skip blocks' weights, the
/// bitmaps took the index from 0.84× to 0.88× the text on 100k generated articles.
final class TermBitmaps: @unchecked Sendable {
    /// 64-bit words per bitmap.
    let wordCount: Int
    /// Per term, the index of its bitmap in `words` (in bitmaps), or -1.
    private let slots: [Int32]
    private let words: UnsafeMutableBufferPointer<UInt64>

    /// Bytes held.
    var memoryFootprint: Int { self.slots.count * 4 + self.words.count * 8 }

    /// Whether a term in `documentFrequency` documents of `documents` gets a bitmap.
    static func covers(documentFrequency: Int, documents: Int) -> Bool {
        documentFrequency >= max(documents / 16, 2 * SkipTable.blockSize)
    }

    /// Builds the bitmaps by stepping over the postings of the common terms (frequencies are
    /// skipped, not decoded). A posting whose only field is the byline is left out: free-text
    /// words do not search it.
    init(docArena: ByteArena, docOffsets: [Int], documentFrequency: [UInt32], documents: Int) {
        let termCount = max(docOffsets.count - 1, 0)
        let wordCount = (documents + 63) / 64
        var slots = [Int32](repeating: -1, count: termCount)
        var count: Int32 = 0
        for term in 0..<termCount
        where Self.covers(documentFrequency: Int(documentFrequency[term]), documents: documents) {
            slots[term] = count
            count += 1
        }
        let words = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(Int(count) * wordCount, 1))
        words.initialize(repeating: 0)
        for term in 0..<termCount where slots[term] >= 0 {
            let bitmap = words.baseAddress! + Int(slots[term]) * wordCount
            var pointer = docArena.pointer(at: docOffsets[term])
            let end = docArena.pointer(at: docOffsets[term + 1])
            var doc: UInt32 = 0
            while pointer < end {
                doc &+= VarInt.read(&pointer)
                let mask = pointer.pointee
                pointer += 1
                VarInt.skip(mask.nonzeroBitCount + 1, &pointer)
                if mask & IndexField.textMask != 0 {
                    bitmap[Int(doc >> 6)] |= 1 << UInt64(doc & 63)
                }
            }
        }
        self.wordCount = wordCount
        self.slots = slots
        self.words = words
    }

    deinit {
        self.words.deallocate()
    }

    /// The bitmap of `term` (``wordCount`` words, valid while this table lives), if it has one.
    func bitmap(of term: Int) -> UnsafePointer<UInt64>? {
        let slot = self.slots[term]
        return slot < 0 ? nil : UnsafePointer(self.words.baseAddress! + Int(slot) * self.wordCount)
    }

    /// The number of documents set in every one of `bitmaps`.
    func intersectionCount(_ bitmaps: [UnsafePointer<UInt64>]) -> Int {
        guard let first = bitmaps.first else { return 0 }
        var total = 0
        for word in 0..<self.wordCount {
            var bits = first[word]
            for bitmap in bitmaps.dropFirst() { bits &= bitmap[word] }
            total += bits.nonzeroBitCount
        }
        return total
    }

    /// The number of documents set in every one of `bitmaps` and in `extra` (``wordCount``
    /// words: a date range's, say).
    func intersectionCount(_ bitmaps: [UnsafePointer<UInt64>], and extra: [UInt64]) -> Int {
        precondition(extra.count == self.wordCount, "a bitmap of another size")
        return extra.withUnsafeBufferPointer { self.intersectionCount(bitmaps + [$0.baseAddress!]) }
    }
}
