/// The slot table of the loader's interning caches (``NameCache``, ``NameMemo``): open addressing
/// with linear probing over a power-of-two table of entry indexes, each slot keeping its entry's
/// hash so that most probes never touch the entry itself. The table is kept at most half full.
struct HashSlots {
    /// Entry indexes; -1 marks an empty slot.
    private var slots: [Int32] = []
    private var hashes: [UInt64] = []

    /// Whether the table must grow before it holds `count` entries.
    @inline(__always)
    func needsGrowth(toHold count: Int) -> Bool { slots.count < 2 * count }

    /// The first entry stored under `hash`, in probe order, for which `matches` is true.
    @inline(__always)
    func first(hash: UInt64, where matches: (Int) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if hashes[slot] == hash, matches(index) { return index }
            slot = (slot + 1) & mask
        }
    }

    /// Stores entry `index` under `hash` (the table must have room).
    @inline(__always)
    mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
        hashes[slot] = hash
    }

    /// Doubles the table (to at least `minimum` slots, a power of two) and empties it: the caller
    /// places its entries again.
    mutating func grow(minimum: Int) {
        let capacity = max(minimum, slots.count * 2)
        slots = [Int32](repeating: -1, count: capacity)
        hashes = [UInt64](repeating: 0, count: capacity)
    }

    /// Empties the table, keeping its size.
    mutating func removeAll() {
        for index in slots.indices { slots[index] = -1 }
    }
}
