/// Walks one term's postings in document order, decoding positions only when asked.
struct PostingCursor {
    private var docPointer: UnsafePointer<UInt8>
    private let docEnd: UnsafePointer<UInt8>
    private var positionPointer: UnsafePointer<UInt8>
    /// Positions of documents passed over without being read; skipped lazily.
    private var pendingPositions = 0
    private var positionsRead = true
    /// The current document, `UInt32.max` once exhausted.
    private(set) var doc: UInt32 = 0
    /// Term frequency per field on the current document.
    private(set) var tf = SIMD8<Float>(repeating: 0)
    private(set) var fieldMask: UInt8 = 0
    private var tfTotal = 0
    private var started = false

    init(index: SearchIndex, term: Int) {
        self.docPointer = index.docArena.pointer(at: index.docOffsets[term])
        self.docEnd = index.docArena.pointer(at: index.docOffsets[term + 1])
        self.positionPointer = index.positionArena.pointer(at: index.positionOffsets[term])
        self.next()
    }

    @discardableResult
    mutating func next() -> UInt32 {
        if !self.positionsRead { self.pendingPositions += self.tfTotal }
        guard self.docPointer < self.docEnd else {
            self.doc = .max
            return .max
        }
        let delta = VarInt.read(&self.docPointer)
        self.doc = self.started ? self.doc + delta : delta
        self.started = true
        var mask = self.docPointer.pointee
        self.fieldMask = mask
        self.docPointer += 1
        self.tf = SIMD8(repeating: 0)
        self.tfTotal = 0
        var field = 0
        while mask != 0 {
            if mask & 1 != 0 {
                let count = VarInt.read(&self.docPointer)
                self.tf[field] = Float(count)
                self.tfTotal += Int(count)
            }
            mask >>= 1
            field += 1
        }
        self.positionsRead = false
        return self.doc
    }

    @discardableResult
    mutating func advance(to target: UInt32) -> UInt32 {
        while self.doc < target { self.next() }
        return self.doc
    }

    /// Appends the current document's positions (ascending).
    mutating func appendPositions(to output: inout [UInt32]) {
        guard !self.positionsRead, self.doc != .max else { return }
        if self.pendingPositions > 0 {
            VarInt.skip(self.pendingPositions, &self.positionPointer)
            self.pendingPositions = 0
        }
        var position: UInt32 = 0
        for _ in 0..<self.tfTotal {
            position += VarInt.read(&self.positionPointer)
            output.append(position)
        }
        self.positionsRead = true
    }
}
