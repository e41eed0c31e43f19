/// A growable byte buffer in manually managed memory, for the index build's hot loops.
///
/// Appending is a capacity check and a store: no uniqueness check, no retain/release, unlike
/// `[UInt8]` (which showed up as a quarter of the build profile). Single owner, never copied.
final class ByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        self.base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        self.base.deallocate()
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if self.count + extra > self.capacity { self.grow(self.count + extra) }
    }

    private func grow(_ needed: Int) {
        var capacity = self.capacity * 2
        while capacity < needed { capacity *= 2 }
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        base.update(from: self.base, count: self.count)
        self.base.deallocate()
        self.base = base
        self.capacity = capacity
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        self.reserve(1)
        self.base[self.count] = byte
        self.count += 1
    }

    @inline(__always)
    func appendVarInt(_ value: UInt32) {
        self.reserve(5)
        var v = value
        while v >= 0x80 {
            self.base[self.count] = UInt8(truncatingIfNeeded: v) | 0x80
            self.count += 1
            v >>= 7
        }
        self.base[self.count] = UInt8(v)
        self.count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        self.reserve(count)
        if count <= 16 {
            // Most postings are a few bytes: a loop beats a memmove call.
            for i in 0..<count { self.base[self.count + i] = bytes[i] }
        } else {
            (self.base + self.count).update(from: bytes, count: count)
        }
        self.count += count
    }

    func removeAll() {
        self.count = 0
    }
}
