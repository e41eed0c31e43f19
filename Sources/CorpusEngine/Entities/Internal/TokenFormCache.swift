/// The entity-vocabulary id and normalized-form hash of each distinct token text seen, so that a
/// syllable met again is looked up by its raw bytes instead of being normalized again.
///
/// A token's normalized form depends only on its own bytes (the scanner's letters, tone placement and
/// connectors never look outside the token), so the cache is exact. News text repeats a few thousand
/// syllables; the cache is cleared when it grows past ``limit`` entries. Plain pointers: the lookup
/// runs once per token.
struct TokenFormCache {
    struct Value {
        /// FNV-1a hash of the normalized form (``LexiconVocabulary/hash(_:)``).
        var hash: UInt64
        /// ``LexiconVocabulary`` id, -1 outside the word lists.
        var id: Int32
    }

    static let limit = 1 << 16

    private var slots: UnsafeMutablePointer<Int32>
    private var slotHashes: UnsafeMutablePointer<UInt64>
    private var mask: Int
    private var starts = Scratch<Int32>(capacity: 1_024)
    private var lengths = Scratch<Int32>(capacity: 1_024)
    private var values = Scratch<Value>(capacity: 1_024)
    private var pool = Scratch<UInt8>(capacity: 8_192)

    init() {
        let capacity = 4_096
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: -1, count: capacity)
        slotHashes = .allocate(capacity: capacity)
        slotHashes.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The cached value for a token's raw bytes, computing it with `compute` on a miss.
    @inline(__always)
    mutating func value(of raw: UnsafeBufferPointer<UInt8>, compute: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        let hash = ByteHash.hash(raw)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if slotHashes[slot] == hash, Int(lengths[index]) == raw.count,
                ByteHash.equal(UnsafeBufferPointer(start: pool.base + Int(starts[index]), count: raw.count), raw)
            {
                return values[index]
            }
            slot = (slot + 1) & mask
        }
        let value = compute(raw)
        insert(raw, hash: hash, value: value)
        return value
    }

    private mutating func insert(_ raw: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) {
        if values.count >= Self.limit { removeAll() }
        if (values.count + 1) * 2 > mask + 1 { grow() }
        let index = Int32(values.count)
        starts.append(Int32(pool.count))
        lengths.append(Int32(raw.count))
        values.append(value)
        pool.append(contentsOf: raw)
        place(index, hash: hash)
    }

    private mutating func place(_ index: Int32, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
        slotHashes[slot] = hash
    }

    private mutating func removeAll() {
        slots.update(repeating: -1, count: mask + 1)
        starts.removeAll()
        lengths.removeAll()
        values.removeAll()
        pool.removeAll()
    }

    private mutating func grow() {
        let capacity = (mask + 1) * 2
        slots.deallocate()
        slotHashes.deallocate()
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: -1, count: capacity)
        slotHashes = .allocate(capacity: capacity)
        slotHashes.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
        for index in 0..<values.count {
            let raw = UnsafeBufferPointer(start: pool.base + Int(starts[index]), count: Int(lengths[index]))
            place(Int32(index), hash: ByteHash.hash(raw))
        }
    }

    func deallocate() {
        slots.deallocate()
        slotHashes.deallocate()
        starts.deallocate()
        lengths.deallocate()
        values.deallocate()
        pool.deallocate()
    }
}
