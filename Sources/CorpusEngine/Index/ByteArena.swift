/// An immutable, manually allocated byte buffer that query cursors can point into for as long as
/// the owning index lives.
///
/// Posting cursors hold raw pointers into it instead of indexing a Swift array, which avoids
/// bounds checks and retain/release traffic in the innermost loops.
final class ByteArena: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int

    /// Takes ownership of freshly allocated, fully initialized memory.
    init(uninitializedCount count: Int, _ initialize: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        self.count = count
        self.base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
        initialize(UnsafeMutableBufferPointer(start: self.base, count: count))
    }

    deinit {
        self.base.deallocate()
    }

    @inline(__always)
    func pointer(at offset: Int) -> UnsafePointer<UInt8> { UnsafePointer(self.base + offset) }
}
