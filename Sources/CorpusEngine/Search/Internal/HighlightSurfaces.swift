/// The raw spellings (surfaces) of a query's highlighted terms, and the search for them in indexed
/// text.
///
/// Every token of indexed text is in the index's surface table, so a token is highlighted exactly
/// when its bytes are one of these surfaces. Tokens never contain a space, and tokenizing from just
/// after one gives the same tokens as tokenizing the whole text; so only the space-delimited stretches
/// where a surface occurs as bytes are tokenized, and the rest of the text is only scanned for bytes.
///
/// The scan looks for each surface's rarest byte (its anchor; rarity from the index's byte sample),
/// sixteen bytes at a time when there are few distinct anchors, and compares the surfaces anchored
/// there. A class: one is shared by all the snippets of a result list and passed around without
/// copying (and retaining) its arrays.
final class HighlightSurfaces {
    /// The bytes of surface `k` are `bytes[starts[k]..<starts[k + 1]]`; it stands for `terms[k]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let terms: [Int]
    /// Open addressing over the hash of a surface's bytes: `k + 1`, 0 when empty.
    private let slots: [Int32]
    /// The offset of surface `k`'s anchor byte.
    private let anchorOffsets: [Int]
    /// Surfaces by anchor byte: those anchored on `b` are `anchored[anchoredStart[b]..<anchoredStart[b + 1]]`.
    private let anchoredStart: [Int]
    private let anchored: [Int]
    /// Bit `b` is set when `b` anchors a surface.
    private let anchorSet: [UInt64]
    /// The anchor bytes, each repeated in a vector, unless there are too many (then empty).
    private let anchorVectors: [SIMD16<UInt8>]

    /// Collects the surfaces of `terms` from the index.
    ///
    /// - Parameters:
    ///   - index: The index whose documents' text will be searched.
    ///   - terms: The highlighted terms.
    ///   - maximumVectors: Above this many distinct anchor bytes the scan goes byte by byte (tests
    ///     set 0 to check that path).
    init(index: SearchIndex, terms: some Sequence<UInt32>, maximumVectors: Int = 16) {
        var bytes: [UInt8] = []
        var starts = [0]
        var surfaceTerms: [Int] = []
        var anchorOffsets: [Int] = []
        var anchorCounts = [Int](repeating: 0, count: 257)
        for term in terms {
            let group = Int(index.termSurfaceStart[Int(term)])..<Int(index.termSurfaceStart[Int(term) + 1])
            for id in index.termSurfaces[group] {
                index.surfaces.withKey(Int(id)) { surface in
                    guard !surface.isEmpty else { return }
                    let offset =
                        surface.indices.min {
                            index.byteFrequencies[Int(surface[$0])] < index.byteFrequencies[Int(surface[$1])]
                        } ?? 0
                    bytes.append(contentsOf: surface)
                    starts.append(bytes.count)
                    surfaceTerms.append(Int(term))
                    anchorOffsets.append(offset)
                    anchorCounts[Int(surface[offset]) + 1] += 1
                }
            }
        }
        let count = surfaceTerms.count
        var size = 16
        while size < count * 2 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        for k in 0..<count {
            var slot =
                bytes.withUnsafeBufferPointer {
                    ByteTermTable.hash(UnsafeBufferPointer(rebasing: $0[starts[k]..<starts[k + 1]]))
                } & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(k + 1)
        }
        var anchorSet = [UInt64](repeating: 0, count: 4)
        var anchorVectors: [SIMD16<UInt8>] = []
        for b in 0..<256 where anchorCounts[b + 1] > 0 {
            anchorSet[b >> 6] |= 1 << UInt64(b & 63)
            anchorVectors.append(SIMD16(repeating: UInt8(b)))
        }
        for b in 0..<256 { anchorCounts[b + 1] += anchorCounts[b] }
        var fill = anchorCounts
        var anchored = [Int](repeating: 0, count: count)
        for k in 0..<count {
            let b = Int(bytes[starts[k] + anchorOffsets[k]])
            anchored[fill[b]] = k
            fill[b] += 1
        }
        self.bytes = bytes
        self.starts = starts
        self.terms = surfaceTerms
        self.slots = slots
        self.anchorOffsets = anchorOffsets
        self.anchoredStart = anchorCounts
        self.anchored = anchored
        self.anchorSet = anchorSet
        self.anchorVectors = anchorVectors.count <= maximumVectors ? anchorVectors : []
    }

    /// Calls `body` with the Unicode scalar range and term of each token of `text` (an indexed text
    /// unit's UTF-8) that is one of the surfaces, in order.
    func forEachMatch(
        in text: UnsafeBufferPointer<UInt8>,
        scanner: inout TokenScanner,
        _ body: (_ scalarRange: Range<Int>, _ term: Int) -> Void
    ) {
        let n = text.count
        // Scalars before byte `countedBytes`.
        var countedBytes = 0
        var scalars = 0
        var next = 0
        while let hit = self.firstOccurrence(in: text, from: next) {
            var start = hit
            while start > next && text[start - 1] != 0x20 { start -= 1 }
            var end = hit + 1
            while end < n && text[end] != 0x20 { end += 1 }
            scalars += UnsafeBufferPointer(rebasing: text[countedBytes..<start]).unicodeScalarCount
            countedBytes = start
            let stretch = UnsafeBufferPointer(rebasing: text[start..<end])
            if let term = self.term(of: stretch) {
                // The whole stretch is a surface, so it is one token (a surface tokenizes as itself).
                body(scalars..<(scalars + stretch.unicodeScalarCount), term)
            } else {
                scanner.run(over: stretch) { token, _ in
                    if let term = self.term(of: UnsafeBufferPointer(rebasing: stretch[token.utf8Range])) {
                        body((scalars + token.scalarRange.lowerBound)..<(scalars + token.scalarRange.upperBound), term)
                    }
                }
            }
            next = end
        }
    }

    /// The start of an occurrence of a surface in `text` at or after `start` and lying in the first
    /// space-delimited stretch that holds one (occurrences are found by their anchors, and an
    /// occurrence in an earlier stretch has its anchor before that stretch's end), or `nil`.
    private func firstOccurrence(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = text.count
        guard start < n, let base = text.baseAddress else { return nil }
        var p = start
        if !self.anchorVectors.isEmpty {
            let found: Int? = self.anchorVectors.withUnsafeBufferPointer { vectors in
                let raw = UnsafeRawPointer(base)
                let highBits: UInt64 = 0x8080_8080_8080_8080
                while p &+ 16 <= n {
                    let block = raw.loadUnaligned(fromByteOffset: p, as: SIMD16<UInt8>.self)
                    var hits = SIMDMask<SIMD16<Int8>>(repeating: false)
                    for vector in vectors { hits .|= block .== vector }
                    let lanes = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
                    for half in 0..<2 {
                        var bits = UInt64(littleEndian: lanes[half]) & highBits
                        while bits != 0 {
                            let q = p &+ half &* 8 &+ bits.trailingZeroBitCount &>> 3
                            if let occurrence = self.occurrence(anchoredAt: q, in: text, from: start) {
                                return occurrence
                            }
                            bits &= bits &- 1
                        }
                    }
                    p &+= 16
                }
                return nil
            }
            if let found { return found }
        }
        while p < n {
            let b = Int(base[p])
            if self.anchorSet[b &>> 6] & (1 &<< UInt64(b & 63)) != 0,
                let occurrence = self.occurrence(anchoredAt: p, in: text, from: start)
            {
                return occurrence
            }
            p &+= 1
        }
        return nil
    }

    /// The start of an occurrence, at or after `start`, of a surface whose anchor byte is at `q`.
    private func occurrence(anchoredAt q: Int, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let b = Int(text[q])
        for k in self.anchored[self.anchoredStart[b]..<self.anchoredStart[b + 1]] {
            let first = q - self.anchorOffsets[k]
            let count = self.starts[k + 1] - self.starts[k]
            if first >= start && first + count <= text.count
                && self.surface(k, equals: UnsafeBufferPointer(rebasing: text[first..<(first + count)]))
            {
                return first
            }
        }
        return nil
    }

    /// The term of a token whose bytes are `surface`, if it is one of the surfaces.
    private func term(of surface: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = self.slots.count - 1
        var slot = ByteTermTable.hash(surface) & mask
        while self.slots[slot] != 0 {
            let k = Int(self.slots[slot]) - 1
            if self.starts[k + 1] - self.starts[k] == surface.count && self.surface(k, equals: surface) {
                return self.terms[k]
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Whether surface `k` has exactly the bytes of `candidate` (of its length).
    private func surface(_ k: Int, equals candidate: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = self.starts[k]
        for byte in candidate {
            if self.bytes[i] != byte { return false }
            i += 1
        }
        return true
    }
}
