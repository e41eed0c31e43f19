/// One phrase member's positions on the current document, read one at a time and only as far as
/// the phrase check needs them.
///
/// A single-variant term reads its delta-coded positions straight from the position arena, so
/// a document rejected early never decodes the rest; a multi-variant term (a word typed without
/// diacritics) reads the merged, sorted list its ``TermScorer`` decodes.
struct PositionStream {
    /// The position read last; `UInt32.max` once the stream is exhausted.
    private(set) var current: UInt32 = .max
    private var encoded: UnsafePointer<UInt8>? = nil
    private var decoded: UnsafePointer<UInt32>? = nil
    /// Positions left after ``current``.
    private var remaining = 0
    /// False for a placeholder whose positions have not been read yet (see ``pending``).
    private(set) var isOpen = true

    /// A stream over nothing (exhausted).
    init() {}

    /// A placeholder for a stream that is costly to open (several variants to decode and merge),
    /// opened only if the check gets that far.
    static var pending: PositionStream {
        var stream = PositionStream()
        stream.isOpen = false
        return stream
    }

    /// Reads `count` delta-coded positions starting at `pointer`.
    init(encoded pointer: UnsafePointer<UInt8>, count: Int) {
        self.encoded = pointer
        self.remaining = count
        self.current = 0
        self.step()
    }

    /// Reads an already decoded ascending list.
    init(decoded positions: UnsafeBufferPointer<UInt32>) {
        self.decoded = positions.baseAddress
        self.remaining = positions.count
        self.step()
    }

    /// Moves to the next position (``current`` becomes `UInt32.max` at the end).
    @inline(__always)
    mutating func step() {
        guard self.remaining > 0 else {
            self.current = .max
            return
        }
        self.remaining -= 1
        if var pointer = self.encoded {
            self.current &+= VarInt.read(&pointer)
            self.encoded = pointer
        } else if let pointer = self.decoded {
            self.current = pointer.pointee
            self.decoded = pointer + 1
        }
    }

    /// Moves to the first position at or after `target` and returns it (`UInt32.max` if none).
    @inline(__always)
    mutating func seek(_ target: UInt32) -> UInt32 {
        while self.current < target { self.step() }
        return self.current
    }
}
