#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings stored once and found by their UTF-8 bytes, without building a `String` to look one up.
///
/// Entity names, aliases and roles repeat across the mentions and articles of a chunk; interning them
/// turns the per-mention work into integer comparisons, and a lookup by bytes (``intern(_:)-(UnsafeBufferPointer<UInt8>)``)
/// builds a `String` only the first time a text is seen. Equality is byte equality, which agrees with
/// `String`'s canonical equivalence on the NFC text the engine works with (see ``UTF8Key``).
struct InternedStrings: Sendable {
    /// The strings, by index.
    private(set) var strings: [String] = []
    /// Open-addressing table of string indexes (-1: empty), with the hash of each entry's bytes.
    private var slots: [Int32] = []
    private var slotHashes: [UInt64] = []
    /// The bytes of every string, for comparisons without touching the `String`s.
    private var pool: [UInt8] = []
    private var starts: [Int32] = []

    init() {}

    var count: Int { strings.count }

    subscript(index: Int32) -> String { strings[Int(index)] }

    /// The index of the string with these bytes (valid UTF-8), adding it if new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if slots.count < 2 * (strings.count + 1) { grow() }
        let hash = ByteHash.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { break }
            if slotHashes[slot] == hash, matches(Int(index), bytes) { return index }
            slot = (slot + 1) & mask
        }
        let index = Int32(strings.count)
        strings.append(String(decoding: bytes, as: UTF8.self))
        starts.append(Int32(pool.count))
        pool.append(contentsOf: bytes)
        slots[slot] = index
        slotHashes[slot] = hash
        return index
    }

    /// The index of `string`, adding it if new.
    mutating func intern(_ string: String) -> Int32 {
        var copy = string
        return copy.withUTF8 { intern($0) }
    }

    /// Drops the lookup table, keeping the strings (once nothing more is interned).
    mutating func dropIndex() {
        slots = []
        slotHashes = []
        pool = []
        starts = []
    }

    private func matches(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[index])
        let end = index + 1 < starts.count ? Int(starts[index + 1]) : pool.count
        guard end - start == bytes.count else { return false }
        return pool.withUnsafeBufferPointer { stored in
            ByteHash.equal(UnsafeBufferPointer(rebasing: stored[start..<end]), bytes)
        }
    }

    private mutating func grow() {
        let capacity = max(64, slots.count * 2)
        slots = [Int32](repeating: -1, count: capacity)
        slotHashes = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        pool.withUnsafeBufferPointer { stored in
            for index in strings.indices {
                let start = Int(starts[index])
                let end = index + 1 < starts.count ? Int(starts[index + 1]) : stored.count
                let hash = ByteHash.hash(UnsafeBufferPointer(rebasing: stored[start..<end]))
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index)
                slotHashes[slot] = hash
            }
        }
    }
}

/// A fast non-cryptographic hash and equality over byte buffers (keys are short: names, tokens).
enum ByteHash {
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        if offset < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                word |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        hash = (hash ^ (hash >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 32)
    }

    @inline(__always)
    static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard lhs.count > 0, let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        // Keys are mostly syllables and names: a loop beats a call for short ones.
        if lhs.count <= 16 {
            for index in 0..<lhs.count where left[index] != right[index] { return false }
            return true
        }
        return memcmp(left, right, lhs.count) == 0
    }
}
