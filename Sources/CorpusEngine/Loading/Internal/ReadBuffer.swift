/// A growable byte buffer for ``FileReader/load(_:into:)``; the owner calls ``deallocate()``.
struct ReadBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int = 65_536) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    /// Makes room for at least `capacity` bytes, keeping the first `count` bytes.
    mutating func reserve(_ capacity: Int, keeping count: Int = 0) {
        guard capacity > self.capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: base, count: count)
        base.deallocate()
        self.capacity = capacity
        base = grown
    }

    func deallocate() { base.deallocate() }
}
