extension ConjunctionScorer {
    /// Finds the best matches of a conjunction of common words typed with diacritics, scoring only
    /// the stretches of documents that may hold one: block-max pruning over the ``SkipTable``.
    ///
    /// Each term's postings come in blocks that know their largest weighted frequency, hence an
    /// upper bound of the term's score on any document of the block. Once `top` is full, a stretch
    /// of documents where the bounds of the terms' current blocks (plus the largest proximity
    /// bonus) cannot beat the worst kept match is passed over without reading a posting. The
    /// matches are counted apart, from the terms' ``TermBitmaps``, so the total stays exact.
    ///
    /// Applies when every term is a single variant over the free-text fields with a bitmap, the
    /// query has no exclusion or cursor (a date range is checked on the stepped documents and in
    /// the count), and each field weighs something (so every
    /// posting of a free-text field scores above zero, as the bitmaps count). Returns `nil` when
    /// the shape does not fit (the caller then scores every match), else whether it ran to the
    /// end (`false`: cancelled).
    ///
    /// The matches it keeps, and their scores, are those of
    /// ``collectAllTerms(index:into:isCancelled:)``: a skipped document could not have entered
    /// `top` there either.
    func collectTop(index: SearchIndex, into top: inout TopMatches, isCancelled: () -> Bool) -> Bool? {
        var skipped = 0
        return self.collectTop(index: index, into: &top, isCancelled: isCancelled, skipped: &skipped)
    }

    /// ``collectTop(index:into:isCancelled:)``, adding to `skipped` the number of stretches of
    /// documents it passed over.
    func collectTop(
        index: SearchIndex,
        into top: inout TopMatches,
        isCancelled: () -> Bool,
        skipped: inout Int
    ) -> Bool? {
        guard self.excludedCount == 0, self.defersProximity || self.pairCount == 0 else { return nil }
        let terms = self.requiredScorers.compactMap { $0 as? TermScorer }
        guard terms.count == self.requiredScorers.count, terms.count > 1 || self.dateRange != nil else { return nil }
        return TermScorer.collectTop(
            terms,
            dateRange: self.dateRange,
            index: index,
            into: &top,
            isCancelled: isCancelled,
            skipped: &skipped
        )
    }
}

extension TermScorer {
    /// The best matches of this word alone, scoring only the blocks of postings that may hold
    /// one; see ``ConjunctionScorer/collectTop(index:into:isCancelled:)``. The scores are those of
    /// ``collectAll(into:isCancelled:)``, to the bit.
    func collectTop(index: SearchIndex, into top: inout TopMatches, isCancelled: () -> Bool) -> Bool? {
        var skipped = 0
        return Self.collectTop(
            [self],
            dateRange: nil,
            index: index,
            into: &top,
            isCancelled: isCancelled,
            skipped: &skipped
        )
    }

    /// The block-max loop over `terms` (one word, or a conjunction's required words), keeping
    /// only the documents `dateRange` accepts, if given.
    static func collectTop(
        _ terms: [TermScorer],
        dateRange: DateRangeScorer?,
        index: SearchIndex,
        into top: inout TopMatches,
        isCancelled: () -> Bool,
        skipped: inout Int
    ) -> Bool? {
        let boosts = index.configuration.boosts
        guard !top.hasCursor, !terms.isEmpty,
            terms.allSatisfy({ $0.fieldBits == IndexField.textMask }),
            (0..<IndexField.count).allSatisfy({ IndexField.textMask & (1 << UInt8($0)) == 0 || boosts[$0] > 0 }),
            let cursors = terms.map({ $0.singleCursor }) as [PostingCursor?] as? [PostingCursor]
        else { return nil }
        let (leap, copies) = ConjunctionScorer.repeats(in: terms)
        var bitmaps: [UnsafePointer<UInt64>] = []
        var blocks: [Range<UnsafePointer<SkipTable.Entry>>] = []
        for k in leap {
            let term = Int(terms[k].terms[0])
            let entries = index.skipTable.entries(of: term)
            guard let bitmap = index.termBitmaps.bitmap(of: term), !entries.isEmpty else { return nil }
            bitmaps.append(bitmap)
            blocks.append(entries)
        }
        top.begin(terms: terms, index: index, expectedMatches: 0)
        if let dateRange {
            let dates = dateRange.bitmap(wordCount: index.termBitmaps.wordCount)
            top.addToTotal(index.termBitmaps.intersectionCount(bitmaps, and: dates))
        } else {
            top.addToTotal(index.termBitmaps.intersectionCount(bitmaps))
        }
        if isCancelled() { return false }

        let k1 = index.configuration.k1
        let masks = terms.map(\.fieldWeightMask)
        let factors = terms.map { $0.idf * (k1 + 1) }
        // A stepped term's bound counts for its copies too (they score alike).
        var leapFactors = leap.map { factors[$0] }
        for (copy, of) in copies { leapFactors[leap.firstIndex(of: of)!] += factors[copy] }
        // A block's weight is summed over the fields as a vector, a single word's weight in field
        // order (as ``collectAll(into:isCancelled:)`` does), and the bounds are added in another
        // order than the scores: a relative slack keeps the bounds above any score by far more
        // than rounding (of floats) can move it.
        let slack = 1 + 1e-5
        // One word alone (not one word and a date range: that scores as a conjunction).
        let single = terms.count == 1 && dateRange == nil
        func bound(_ j: Int, weight: Float) -> Double {
            let w = Double(weight)
            return leapFactors[j] * w / (w + k1) * slack
        }
        let tails = leap.indices.map {
            bound($0, weight: index.skipTable.tailWeight(of: Int(terms[leap[$0]].terms[0])))
        }
        let maximum = top.maximumBonus
        var local = cursors
        return index.fieldNorms.withUnsafeBufferPointer { norms in
            local.withUnsafeMutableBufferPointer { cursors in
                // Per stepped term: its current block (the first that does not end before
                // `target`; the end of `blocks[j]` for the last block, which has no entry) and
                // that block's bound.
                var current = blocks.map(\.lowerBound)
                var bounds = leap.indices.map { bound($0, weight: current[$0].pointee.maxWeight) }
                var target: UInt32 = 0
                var steps = 0
                while true {
                    steps += 1
                    if steps & 1023 == 0, isCancelled() { return false }
                    if let threshold = top.threshold {
                        var total = maximum
                        var stretchEnd = UInt32.max
                        for j in 0..<leap.count {
                            let end = blocks[j].upperBound
                            if current[j] < end, current[j].pointee.lastDoc < target {
                                repeat { current[j] += 1 } while current[j] < end && current[j].pointee.lastDoc < target
                                bounds[j] = current[j] < end ? bound(j, weight: current[j].pointee.maxWeight) : tails[j]
                            }
                            total += bounds[j]
                            if current[j] < end { stretchEnd = min(stretchEnd, current[j].pointee.lastDoc) }
                        }
                        if total <= threshold {
                            // No document up to the end of the shortest current block can enter.
                            skipped += 1
                            guard stretchEnd != .max else { break }
                            target = stretchEnd + 1
                            continue
                        }
                    }
                    let (doc, aligned) = ConjunctionScorer.align(cursors, leap: leap, at: target, dateRange: dateRange)
                    target = doc
                    if target == .max { break }
                    guard aligned else { continue }
                    for (copy, of) in copies { cursors[copy] = cursors[of] }
                    let norm = norms[Int(target)]
                    if single {
                        // The arithmetic of ``PostingCursor/drain(fieldMask:norms:_:)``.
                        let weights = norm * masks[0]
                        var weighted: Float = 0
                        var fields = cursors[0].fieldMask
                        while fields != 0 {
                            let field = fields.trailingZeroBitCount
                            weighted += cursors[0].tf[field] * weights[field]
                            fields &= fields &- 1
                        }
                        if weighted > 0 {
                            let w = Double(weighted)
                            top.consider(doc: target, base: factors[0] * w / (w + k1), cursors: cursors)
                        }
                        target += 1
                        continue
                    }
                    // nil: a posting only in the byline, not a match (nor counted in the bitmaps).
                    if let base = ConjunctionScorer.baseScore(
                        cursors,
                        masks: masks,
                        factors: factors,
                        norm: norm,
                        k1: k1
                    ) {
                        top.consider(doc: target, base: base, cursors: cursors)
                    }
                    target += 1
                }
                return true
            }
        }
    }
}
