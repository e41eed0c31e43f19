#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash table from byte strings (UTF-8 terms) to dense ids `0..<count`, storing every key once
/// in one contiguous arena.
///
/// This is the term dictionary: no `String` per term, no `String` hashing (which would normalize
/// Unicode on every lookup). Lookups hash the raw UTF-8 bytes with FNV-1a.
struct ByteTermTable: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [UInt32] = [0]
    /// Open addressing: each slot holds `id + 1` (0 = empty) in its low 32 bits and 32 bits of the
    /// key's hash in the high bits, so most mismatches are rejected without touching the key.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.slots = Array(repeating: 0, count: size)
        self.mask = size - 1
    }

    var count: Int { self.offsets.count - 1 }

    /// The memory this table occupies, in bytes (approximately).
    var memoryFootprint: Int { self.bytes.capacity + self.offsets.capacity * 4 + self.slots.capacity * 8 }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        // 8 bytes at a time (multiply-xorshift), then the tail; keys are short UTF-8 syllables.
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return Int(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= key.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < key.count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    @inline(__always)
    private func keyEquals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(self.offsets[id])
        let end = Int(self.offsets[id + 1])
        guard end - start == key.count else { return false }
        if key.isEmpty { return true }
        return self.bytes.withUnsafeBufferPointer { all in
            memcmp(all.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    /// The id of `key`, if present.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let tag = UInt64(UInt32(truncatingIfNeeded: hash >> 32)) << 32
        var slot = hash & self.mask
        while true {
            let entry = self.slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if self.keyEquals(id, key) { return id }
            }
            slot = (slot + 1) & self.mask
        }
    }

    func find(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { self.find($0) }
    }

    /// The id of `key`, inserting it if absent; `inserted` tells which.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
        let hash = Self.hash(key)
        let tag = UInt64(UInt32(truncatingIfNeeded: hash >> 32)) << 32
        var slot = hash & self.mask
        while true {
            let entry = self.slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if self.keyEquals(id, key) { return (id, false) }
            }
            slot = (slot + 1) & self.mask
        }
        let id = self.count
        self.bytes.append(contentsOf: key)
        self.offsets.append(UInt32(self.bytes.count))
        self.slots[slot] = tag | UInt64(id + 1)
        if self.count * 2 > self.slots.count { self.grow() }
        return (id, true)
    }

    @discardableResult
    mutating func insert(_ key: String) -> (id: Int, inserted: Bool) {
        var key = key
        return key.withUTF8 { self.insert($0) }
    }

    private mutating func grow() {
        let size = self.slots.count * 2
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for entry in self.slots where entry != 0 {
            let id = Int(entry & 0xFFFF_FFFF) - 1
            let hash = self.withKey(id) { Self.hash($0) }
            var slot = hash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
        self.slots = slots
        self.mask = mask
    }

    /// Calls `body` with the bytes of the key with this id.
    func withKey<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try self.bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(self.offsets[id])..<Int(self.offsets[id + 1])]))
        }
    }

    /// The key with this id as a string.
    func string(_ id: Int) -> String {
        self.withKey(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Ids whose key starts with `prefix` (a linear scan; used for small tables only).
    func ids(withPrefix prefix: [UInt8]) -> [Int] {
        var result: [Int] = []
        self.bytes.withUnsafeBufferPointer { all in
            for id in 0..<self.count {
                let start = Int(self.offsets[id])
                let end = Int(self.offsets[id + 1])
                guard end - start >= prefix.count else { continue }
                var ok = true
                for i in 0..<prefix.count where all[start + i] != prefix[i] {
                    ok = false
                    break
                }
                if ok { result.append(id) }
            }
        }
        return result
    }
}
