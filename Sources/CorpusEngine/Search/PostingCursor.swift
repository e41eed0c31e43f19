/// Walks one term's postings in document order, decoding positions only when asked.
struct PostingCursor {
    private var docPointer: UnsafePointer<UInt8>
    private let docEnd: UnsafePointer<UInt8>
    /// Where the current document's positions start, and where the next document's start.
    private(set) var positionsStart: UnsafePointer<UInt8>
    private var nextPositions: UnsafePointer<UInt8>
    /// The current document, `UInt32.max` once exhausted.
    private(set) var doc: UInt32 = 0
    /// Term frequency per field on the current document.
    private(set) var tf = SIMD8<Float>(repeating: 0)
    private(set) var fieldMask: UInt8 = 0
    private(set) var tfTotal = 0
    private var started = false

    /// When restricted to one small field: the next entry of ``FieldPostings`` to visit, the end of
    /// the term's entries, and the term's first posting and position (entries are relative to them).
    private var jump: UnsafePointer<FieldPostings.Entry>?
    private var jumpEnd: UnsafePointer<FieldPostings.Entry>?
    private let termDocs: UnsafePointer<UInt8>
    private let termPositions: UnsafePointer<UInt8>
    /// Where the current posting starts (at its document delta).
    private(set) var postingStart: UnsafePointer<UInt8>
    /// Over every posting: the first ``SkipTable`` block not yet known to lie before the cursor,
    /// and the end of the term's blocks (`nil` without skip data).
    private var skip: UnsafePointer<SkipTable.Entry>?
    private let skipEnd: UnsafePointer<SkipTable.Entry>?

    /// A cursor over the postings of `term` that have a match in `fields`, if that is a single
    /// small field with its own ``FieldPostings`` (it then jumps between those documents only),
    /// else over every posting.
    init(index: SearchIndex, term: Int, fields: UInt8 = IndexField.allMask) {
        self.init(
            docs: index.docArena.pointer(at: index.docOffsets[term]),
            docEnd: index.docArena.pointer(at: index.docOffsets[term + 1]),
            positions: index.positionArena.pointer(at: index.positionOffsets[term]),
            entries: index.fieldPostings(for: fields)?.entries(of: term),
            skips: index.skipTable.entries(of: term)
        )
    }

    /// A cursor over the postings that start at `docs` (their positions at `positions`), or only
    /// over those of `entries` when given; `skips` are the term's ``SkipTable`` blocks.
    init(
        docs: UnsafePointer<UInt8>,
        docEnd: UnsafePointer<UInt8>,
        positions: UnsafePointer<UInt8>,
        entries: Range<UnsafePointer<FieldPostings.Entry>>? = nil,
        skips: Range<UnsafePointer<SkipTable.Entry>>? = nil
    ) {
        self.jump = entries?.lowerBound
        self.jumpEnd = entries?.upperBound
        let skips = entries == nil && skips?.isEmpty == false ? skips : nil
        self.skip = skips?.lowerBound
        self.skipEnd = skips?.upperBound
        self.docPointer = docs
        self.docEnd = docEnd
        self.nextPositions = positions
        self.positionsStart = positions
        self.termDocs = docs
        self.termPositions = positions
        self.postingStart = docs
        self.next()
    }

    @discardableResult @inline(__always)
    mutating func next() -> UInt32 {
        if let jump = self.jump {
            guard jump < self.jumpEnd! else {
                self.doc = .max
                return .max
            }
            self.seat(jump.pointee)
            self.jump = jump + 1
            return self.doc
        }
        guard self.docPointer < self.docEnd else {
            self.doc = .max
            return .max
        }
        self.postingStart = self.docPointer
        let delta = VarInt.read(&self.docPointer)
        self.doc = self.started ? self.doc + delta : delta
        self.started = true
        self.decodePosting()
        return self.doc
    }

    /// Moves onto the posting of a ``FieldPostings`` entry.
    @inline(__always)
    private mutating func seat(_ entry: FieldPostings.Entry) {
        self.postingStart = self.termDocs + Int(entry.docOffset)
        self.docPointer = self.postingStart
        _ = VarInt.read(&self.docPointer)
        self.nextPositions = self.termPositions + Int(entry.positionOffset)
        self.doc = entry.doc
        self.started = true
        self.decodePosting()
    }

    /// Decodes the current posting after its document delta: field mask, frequencies, positions.
    @inline(__always)
    private mutating func decodePosting() {
        let mask = self.docPointer.pointee
        self.fieldMask = mask
        self.docPointer += 1
        (self.tf, self.tfTotal) = Self.readFrequencies(mask: mask, at: &self.docPointer)
        let length = Int(VarInt.read(&self.docPointer))
        self.positionsStart = self.nextPositions
        self.nextPositions += length
    }

    /// Reads the per-field frequencies of a posting whose field mask is `mask`, from `pointer`
    /// (just after the mask): the frequency vector and its total.
    @inline(__always)
    static func readFrequencies(mask: UInt8, at pointer: inout UnsafePointer<UInt8>) -> (SIMD8<Float>, Int) {
        // Set bits only, and lanes filled by a vector select: writing one lane of a vector in
        // memory and then reading the whole vector stalls store forwarding on every posting.
        var mask = mask
        var tf = SIMD8<Float>(repeating: 0)
        var total = 0
        while mask != 0 {
            let field = Int32(mask.trailingZeroBitCount)
            let count = VarInt.read(&pointer)
            tf.replace(with: Float(count), where: Self.lanes .== SIMD8(repeating: field))
            total += Int(count)
            mask &= mask &- 1
        }
        return (tf, total)
    }

    /// Moves to the first posting at or after `target` (no-op if already there).
    ///
    /// Postings before `target` are stepped over without decoding their frequencies (only their
    /// count of varints is needed to skip them); the posting it stops on is decoded in full.
    @discardableResult @inline(__always)
    mutating func advance(to target: UInt32) -> UInt32 {
        self.advance(to: target) { _ in true }
    }

    /// Moves to the first following posting whose document satisfies `stop`, decoding only that
    /// one (postings passed over are skipped by their count of varints); `UInt32.max` at the end.
    @inline(__always)
    private mutating func step(until stop: (UInt32) -> Bool) -> UInt32 {
        var pointer = self.docPointer
        var doc = self.doc
        var positions = self.nextPositions
        while pointer < self.docEnd {
            var peek = pointer
            let candidate = doc &+ VarInt.read(&peek)
            if stop(candidate) {
                // `started` is already true: the cursor was on a document.
                self.postingStart = pointer
                self.docPointer = peek
                self.nextPositions = positions
                self.doc = candidate
                self.decodePosting()
                return candidate
            }
            let mask = peek.pointee
            peek += 1
            VarInt.skip(mask.nonzeroBitCount, &peek)
            positions += Int(VarInt.read(&peek))
            doc = candidate
            pointer = peek
        }
        self.docPointer = pointer
        self.doc = .max
        return .max
    }

    /// Moves to the first posting at or after `target` whose document `accepts` (a date range).
    ///
    /// Like ``advance(to:)``, postings passed over are not decoded; only the one it stops on is.
    @discardableResult @inline(__always)
    mutating func advance(to target: UInt32, where accepts: (UInt32) -> Bool) -> UInt32 {
        if self.doc >= target && (self.doc == .max || accepts(self.doc)) { return self.doc }
        if var jump = self.jump {
            // Entries are few (one per document matching in a small field): step over them.
            let end = self.jumpEnd!
            while jump < end && (jump.pointee.doc < target || !accepts(jump.pointee.doc)) { jump += 1 }
            self.jump = jump
            return self.next()
        }
        if let skip = self.skip, skip.pointee.lastDoc < target {
            self.skipBlocks(before: target, from: skip)
        }
        return self.step { $0 >= target && accepts($0) }
    }

    /// Moves past the blocks that end before `target`: to the start of the block after the last
    /// of them, unless the cursor is already further.
    @inline(__always)
    private mutating func skipBlocks(before target: UInt32, from first: UnsafePointer<SkipTable.Entry>) {
        let end = self.skipEnd.unsafelyUnwrapped
        var skip = first + 1
        while skip < end && skip.pointee.lastDoc < target { skip += 1 }
        self.skip = skip < end ? skip : nil
        let passed = (skip - 1).pointee
        let next = self.termDocs + Int(passed.nextDocOffset)
        if next > self.docPointer {
            self.docPointer = next
            self.doc = passed.lastDoc
            self.nextPositions = self.termPositions + Int(passed.nextPositionOffset)
        }
    }

    /// Calls `body(doc, weightedFrequency)` for the current and every following posting, decoding
    /// straight from the byte stream (the single-term scoring loop), then leaves the cursor
    /// exhausted. `weightedFrequency` is `sum(tf[f] * mask[f] * norms[doc][f])`.
    @inline(__always)
    mutating func drain(
        fieldMask: SIMD8<Float>,
        norms: UnsafeBufferPointer<SIMD8<Float>>,
        _ body: (UInt32, Float) -> Void
    ) {
        guard self.doc != .max else { return }
        body(self.doc, (self.tf * fieldMask * norms[Int(self.doc)]).sum())
        if var jump = self.jump {
            // Only the one field counts, and its frequency is in the entry: no posting is decoded.
            // (`tf * fieldMask * norm` summed has that one nonzero lane, so this is the same value.)
            let end = self.jumpEnd!
            let field = Self.lane(of: fieldMask)
            while jump < end {
                let entry = jump.pointee
                body(entry.doc, Float(entry.frequency) * norms[Int(entry.doc)][field])
                jump += 1
            }
            self.jump = end
            self.doc = .max
            return
        }
        var pointer = self.docPointer
        var doc = self.doc
        while pointer < self.docEnd {
            doc &+= VarInt.read(&pointer)
            var mask = pointer.pointee
            pointer += 1
            let weights = norms[Int(doc)] * fieldMask
            var weighted: Float = 0
            while mask != 0 {
                weighted += Float(VarInt.read(&pointer)) * weights[mask.trailingZeroBitCount]
                mask &= mask &- 1
            }
            _ = VarInt.read(&pointer)  // positions length: positions are not needed here
            body(doc, weighted)
        }
        self.docPointer = pointer
        self.doc = .max
    }

    /// Adds the frequencies of the current and every following posting to `table` (one entry
    /// per document), decoding straight from the byte stream, then leaves the cursor exhausted.
    /// The vectors added are those ``tf`` holds on each posting.
    mutating func accumulate(into table: UnsafeMutableBufferPointer<SIMD8<Float>>) {
        guard self.doc != .max else { return }
        guard self.jump == nil else {
            while self.doc != .max {
                table[Int(self.doc)] += self.tf
                self.next()
            }
            return
        }
        table[Int(self.doc)] += self.tf
        var pointer = self.docPointer
        var doc = self.doc
        while pointer < self.docEnd {
            doc &+= VarInt.read(&pointer)
            let mask = pointer.pointee
            pointer += 1
            let (tf, _) = Self.readFrequencies(mask: mask, at: &pointer)
            _ = VarInt.read(&pointer)  // positions length: positions are not needed here
            table[Int(doc)] += tf
        }
        self.docPointer = pointer
        self.doc = .max
    }

    /// Lane numbers, to select a field's lane.
    private static var lanes: SIMD8<Int32> { SIMD8(0, 1, 2, 3, 4, 5, 6, 7) }

    /// The lane of the single field set in `mask`.
    private static func lane(of mask: SIMD8<Float>) -> Int {
        (0..<8).first { mask[$0] != 0 } ?? 0
    }

    /// Appends the current document's positions (ascending).
    func appendPositions(to output: inout [UInt32]) {
        guard self.doc != .max else { return }
        Self.decodePositions(at: self.positionsStart, count: self.tfTotal, into: &output)
    }

    /// Decodes `count` delta-coded positions starting at `pointer`.
    static func decodePositions(at pointer: UnsafePointer<UInt8>, count: Int, into output: inout [UInt32]) {
        var pointer = pointer
        var position: UInt32 = 0
        for _ in 0..<count {
            position += VarInt.read(&pointer)
            output.append(position)
        }
    }
}
