extension ConjunctionScorer {
    /// Scores every match in one tight loop when the conjunction is only single-variant terms
    /// (words typed with diacritics) and possibly a date range, without exclusions: the common
    /// multi-word or date-filtered query.
    ///
    /// Leapfrogs over copies of the terms' posting cursors, without dynamic dispatch or positions,
    /// and hands each match with its base score to `sink` (positions stay under the cursors for a
    /// proximity bonus). Returns `nil` when the shape does not fit (the caller falls back to the
    /// generic loop), else whether it ran to the end (`false`: cancelled).
    func collectAllTerms<Sink: MatchSink>(
        index: SearchIndex,
        into sink: inout Sink,
        isCancelled: () -> Bool
    ) -> Bool? {
        guard self.excludedCount == 0, self.defersProximity || self.pairCount == 0 else {
            return nil
        }
        let terms = self.requiredScorers.compactMap { $0 as? TermScorer }
        let dateRange = self.dateRange
        guard terms.count == self.requiredScorers.count, terms.count > 1 || dateRange != nil,
            let cursors = terms.map({ $0.singleCursor }) as [PostingCursor?] as? [PostingCursor]
        else { return nil }
        let masks = terms.map(\.fieldWeightMask)
        let factors = terms.map { $0.idf * (index.configuration.k1 + 1) }
        let k1 = index.configuration.k1
        var local = cursors
        let (leap, copies) = Self.repeats(in: terms)
        // At most as many matches as the rarest term has documents.
        sink.begin(terms: terms, index: index, expectedMatches: min(terms.map(\.cost).min() ?? 0, index.documentCount))
        return index.fieldNorms.withUnsafeBufferPointer { norms in
            local.withUnsafeMutableBufferPointer { cursors in
                var target = cursors[0].doc
                var count = 0
                while target != .max {
                    let (doc, aligned) = Self.align(cursors, leap: leap, at: target, dateRange: dateRange)
                    target = doc
                    if target == .max { break }
                    guard aligned else { continue }
                    for (copy, of) in copies { cursors[copy] = cursors[of] }
                    let base = Self.baseScore(cursors, masks: masks, factors: factors, norm: norms[Int(target)], k1: k1)
                    if let base {
                        sink.take(doc: target, base: base, cursors: cursors)
                        count += 1
                        if count & 1023 == 0, isCancelled() { return false }
                    }
                    target += 1
                }
                return true
            }
        }
    }
}

extension ConjunctionScorer {
    /// One round of the leapfrog of the bulk loops: moves the stepped cursors (`leap`, the first
    /// being the rarest) to `target` or beyond. Returns the document they all sit on (`aligned`),
    /// or the next target to try, `UInt32.max` at the end. A date range is checked while stepping
    /// the first cursor: postings outside it are not decoded.
    @inline(__always)
    static func align(
        _ cursors: UnsafeMutableBufferPointer<PostingCursor>,
        leap: [Int],
        at target: UInt32,
        dateRange: DateRangeScorer?
    ) -> (doc: UInt32, aligned: Bool) {
        let first: UInt32
        if let dateRange {
            first = cursors[leap[0]].advance(to: target) { dateRange.accepts($0) }
        } else {
            first = cursors[leap[0]].advance(to: target)
        }
        if first == .max { return (.max, false) }
        for j in 1..<leap.count {
            let d = cursors[leap[j]].advance(to: first)
            if d != first { return (d, false) }
        }
        return (first, true)
    }

    /// The base score (without proximity) of the document the cursors sit on, summed over the
    /// terms in order; `nil` if a term occurs there only outside its fields (the byline).
    @inline(__always)
    static func baseScore(
        _ cursors: UnsafeMutableBufferPointer<PostingCursor>,
        masks: [SIMD8<Float>],
        factors: [Double],
        norm: SIMD8<Float>,
        k1: Double
    ) -> Double? {
        var total = 0.0
        for k in 0..<cursors.count {
            let w = Double((cursors[k].tf * masks[k] * norm).sum())
            if w <= 0 { return nil }
            total += factors[k] * w / (w + k1)
        }
        return total
    }

    /// A syllable repeated in the query (`bộ bộ`) is stepped once: its later copies take the first
    /// one's state on each match (they score, and give positions, like it). Returns the terms to
    /// step (`leap`, indices into `terms`), and each copy with the term it copies.
    static func repeats(in terms: [TermScorer]) -> (leap: [Int], copies: [(copy: Int, of: Int)]) {
        var leap: [Int] = []
        var copies: [(copy: Int, of: Int)] = []
        for k in terms.indices {
            if let first = leap.first(where: {
                terms[$0].terms == terms[k].terms && terms[$0].fieldBits == terms[k].fieldBits
            }) {
                copies.append((k, first))
            } else {
                leap.append(k)
            }
        }
        return (leap, copies)
    }
}

extension ConjunctionScorer {
    /// Scores a conjunction of common words, some typed without diacritics, one word at a time:
    /// each word's frequencies go into a table over every document (``TermScorer/frequencies(into:)``),
    /// its scores are added per document, then the documents every word matched go to `sink` in
    /// order. Merging each word's variants document by document, and intersecting the merges,
    /// cost more once every word is in an eighth of the documents or more.
    ///
    /// Scores are added in the order of ``requiredScorers`` with the arithmetic of
    /// ``TermScorer/score()``, as the scorer tree adds them, so they are the same bits. A
    /// deferred proximity bonus is computed, when `sink` asks, from the terms moved onto the match.
    /// Returns `nil` when the shape does not fit, else whether it ran to the end.
    func collectCommonTerms<Sink: MatchSink>(
        index: SearchIndex,
        into sink: inout Sink,
        isCancelled: () -> Bool
    ) -> Bool? {
        let documents = index.documentCount
        let terms = self.requiredScorers.compactMap { $0 as? TermScorer }
        guard self.excludedCount == 0, self.dateRange == nil, self.defersProximity || self.pairCount == 0,
            terms.count == self.requiredScorers.count, terms.count > 1, terms.count < 256,
            terms.contains(where: { !$0.hasSingleVariant }),
            terms.allSatisfy({ $0.cost >= max(documents / 8, 1) })
        else { return nil }
        let frequencies = UnsafeMutableBufferPointer<SIMD8<Float>>.allocate(capacity: documents)
        let scores = UnsafeMutableBufferPointer<Double>.allocate(capacity: documents)
        let matched = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: documents)
        scores.initialize(repeating: 0)
        matched.initialize(repeating: 0)
        defer {
            frequencies.deallocate()
            scores.deallocate()
            matched.deallocate()
        }
        return index.fieldNorms.withUnsafeBufferPointer { norms in
            var k = 0
            while k < terms.count {
                let term = terms[k]
                // A word repeated right after itself (`bo bo`) is read once and added as often.
                var repeats = 1
                while k + repeats < terms.count, terms[k + repeats].terms == term.terms,
                    terms[k + repeats].fieldBits == term.fieldBits
                {
                    repeats += 1
                }
                k += repeats
                term.frequencies(into: frequencies)
                if isCancelled() { return false }
                _ = term.scoreTable(frequencies, norms: norms) { doc, score in
                    matched[doc] &+= UInt8(truncatingIfNeeded: repeats)
                    for _ in 0..<repeats { scores[doc] += score }
                    return true
                }
            }
            let all = UInt8(truncatingIfNeeded: terms.count)
            var count = 0
            for doc in 0..<documents where matched[doc] == all {
                sink.take(doc: UInt32(doc), base: scores[doc]) {
                    guard self.defersProximity else { return 0 }
                    for term in terms { _ = term.advance(to: UInt32(doc)) }
                    return self.addingProximityBonus(to: 0)
                }
                count += 1
                if count & 1023 == 0, isCancelled() { return false }
            }
            return true
        }
    }
}

/// For each collected match (in document order) and each term of the conjunction, where its
/// positions start in the position arena and how many there are.
struct PositionReferences: Sendable {
    /// The conjunction's terms, in the order the references are stored.
    let termIDs: [ObjectIdentifier]
    let arena: ByteArena
    private(set) var offsets: [Int] = []
    private(set) var counts: [UInt32] = []

    init(terms: [TermScorer], arena: ByteArena) {
        self.termIDs = terms.map(ObjectIdentifier.init)
        self.arena = arena
    }

    /// Makes room for the references of `matches` matches.
    mutating func reserveCapacity(_ matches: Int) {
        self.offsets.reserveCapacity(matches * self.termIDs.count)
        self.counts.reserveCapacity(matches * self.termIDs.count)
    }

    @inline(__always)
    mutating func append(_ cursor: PostingCursor) {
        self.offsets.append(cursor.positionsStart - UnsafePointer(self.arena.base))
        self.counts.append(UInt32(cursor.tfTotal))
    }

    /// Decodes the positions of term `term` (index into ``termIDs``) of match number `match`.
    func positions(match: Int, term: Int, into output: inout [UInt32]) {
        output.removeAll(keepingCapacity: true)
        let slot = match * self.termIDs.count + term
        PostingCursor.decodePositions(
            at: self.arena.pointer(at: self.offsets[slot]),
            count: Int(self.counts[slot]),
            into: &output
        )
    }
}
