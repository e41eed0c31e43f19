/// A hash table from byte strings (UTF-8 terms) to dense ids `0..<count`, storing every key once
/// in one contiguous arena.
///
/// This is the term dictionary: no `String` per term, no `String` hashing (which would normalize
/// Unicode on every lookup). Lookups hash the raw UTF-8 bytes with FNV-1a.
struct ByteTermTable: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [UInt32] = [0]
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.slots = Array(repeating: -1, count: size)
        self.mask = size - 1
    }

    var count: Int { self.offsets.count - 1 }

    /// The memory this table occupies, in bytes (approximately).
    var memoryFootprint: Int { self.bytes.capacity + self.offsets.capacity * 4 + self.slots.capacity * 4 }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    private func keyEquals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(self.offsets[id])
        let end = Int(self.offsets[id + 1])
        guard end - start == key.count else { return false }
        return self.bytes.withUnsafeBufferPointer { all in
            var i = 0
            while i < key.count {
                if all[start + i] != key[i] { return false }
                i += 1
            }
            return true
        }
    }

    /// The id of `key`, if present.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(key) & self.mask
        while true {
            let id = self.slots[slot]
            if id < 0 { return nil }
            if self.keyEquals(Int(id), key) { return Int(id) }
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
        var slot = Self.hash(key) & self.mask
        while true {
            let id = self.slots[slot]
            if id < 0 { break }
            if self.keyEquals(Int(id), key) { return (Int(id), false) }
            slot = (slot + 1) & self.mask
        }
        let id = self.count
        self.bytes.append(contentsOf: key)
        self.offsets.append(UInt32(self.bytes.count))
        self.slots[slot] = Int32(id)
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
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        self.bytes.withUnsafeBufferPointer { all in
            for id in 0..<self.count {
                let start = Int(self.offsets[id])
                let key = UnsafeBufferPointer(rebasing: all[start..<Int(self.offsets[id + 1])])
                var slot = Self.hash(key) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id)
            }
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
