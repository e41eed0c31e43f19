#if os(Linux)
import Glibc
#endif

/// An immutable, manually allocated byte buffer that query cursors can point into for as long as
/// the owning index lives.
///
/// Posting cursors hold raw pointers into it instead of indexing a Swift array, which avoids
/// bounds checks and retain/release traffic in the innermost loops.
final class ByteArena: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int

    /// Bytes mapped for a large arena (0: allocated on the heap).
    private let mappedBytes: Int

    /// Arenas at least this large get their own mapping, backed by huge pages where the system
    /// allows it.
    static let hugePageThreshold = 4 << 20

    /// Takes ownership of freshly allocated, fully initialized memory.
    ///
    /// Postings are read in long forward walks over many megabytes: with 4 KB pages most steps
    /// into a new page miss the TLB, and which physical pages an index gets made query times
    /// bimodal from one process to the next. Large arenas are therefore mapped on their own and
    /// marked for transparent huge pages (2 MB), on Linux.
    init(uninitializedCount count: Int, _ initialize: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        self.count = count
        var mapped = 0
        var base: UnsafeMutablePointer<UInt8>? = nil
        #if os(Linux)
        if count >= Self.hugePageThreshold {
            let hugePage = 2 << 20
            let size = (count + hugePage - 1) / hugePage * hugePage
            if let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                address != MAP_FAILED
            {
                _ = madvise(address, size, MADV_HUGEPAGE)
                base = address.assumingMemoryBound(to: UInt8.self)
                mapped = size
            }
        }
        #endif
        self.mappedBytes = mapped
        self.base = base ?? UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
        initialize(UnsafeMutableBufferPointer(start: self.base, count: count))
    }

    deinit {
        #if os(Linux)
        if self.mappedBytes > 0 {
            munmap(self.base, self.mappedBytes)
            return
        }
        #endif
        self.base.deallocate()
    }

    @inline(__always)
    func pointer(at offset: Int) -> UnsafePointer<UInt8> { UnsafePointer(self.base + offset) }
}
