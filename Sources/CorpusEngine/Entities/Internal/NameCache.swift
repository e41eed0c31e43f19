/// The display name and id of each (kind, token sequence) seen by an ``EntityCollector``.
///
/// The rules make an entity's name a function of its kind and tokens, so the name is canonicalized
/// and the id computed once per distinct token sequence. Names and ids are interned in the chunk's
/// strings. Keys are the normalized-token hashes of the mention, compared in full.
struct NameCache {
    struct Entry {
        var kind: EntityKind
        var keyStart: Int32
        var keyCount: Int32
        /// Interned display name and id; -1 when the id is empty (the mention is dropped).
        var display: Int32
        var id: Int32
    }

    private(set) var entries: [Entry] = []
    private var keyPool: [UInt64] = []
    private var slots = HashSlots()

    var count: Int { entries.count }

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        keyPool.removeAll(keepingCapacity: true)
        slots.removeAll()
    }

    @inline(__always)
    static func hash(_ kind: EntityKind, _ key: TokenKey) -> UInt64 {
        var hash = key.combined
        hash ^= UInt64(kind.ordinal) &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 31)
    }

    /// The entry index for the key, or `nil`.
    @inline(__always)
    func find(_ kind: EntityKind, _ key: TokenKey, hash: UInt64) -> Int32? {
        slots.first(hash: hash) { index in
            let entry = entries[index]
            guard entry.kind == kind, Int(entry.keyCount) == key.hashes.count else { return false }
            return keyPool.withUnsafeBufferPointer { pool in
                key.equals(
                    UnsafeBufferPointer(rebasing: pool[Int(entry.keyStart)..<Int(entry.keyStart + entry.keyCount)])
                )
            }
        }.map(Int32.init)
    }

    /// Adds an entry for a key that ``find(_:_:hash:)`` did not find.
    mutating func insert(_ kind: EntityKind, _ key: TokenKey, hash: UInt64, display: Int32, id: Int32) -> Int32 {
        if slots.needsGrowth(toHold: entries.count + 1) { grow() }
        let index = Int32(entries.count)
        entries.append(
            Entry(
                kind: kind,
                keyStart: Int32(keyPool.count),
                keyCount: Int32(key.hashes.count),
                display: display,
                id: id
            )
        )
        keyPool.append(contentsOf: key.hashes)
        slots.place(Int(index), hash: hash)
        return index
    }

    private mutating func grow() {
        slots.grow(minimum: 256)
        for (index, entry) in entries.enumerated() {
            let hash = keyPool.withUnsafeBufferPointer { pool in
                Self.hash(
                    entry.kind,
                    TokenKey(
                        hashes: UnsafeBufferPointer(
                            rebasing: pool[Int(entry.keyStart)..<Int(entry.keyStart + entry.keyCount)]
                        )
                    )
                )
            }
            slots.place(index, hash: hash)
        }
    }
}

/// The persons and places found so far in one article, by the token hashes of their names (for the
/// known-name rule); a later mention with the same tokens replaces the kind and name.
struct KnownNames {
    private struct Entry {
        var hash: UInt64
        var keyStart: Int32
        var keyCount: Int32
        var kind: EntityKind
        var name: Int32
    }

    private var entries: [Entry] = []
    private var keyPool: [UInt64] = []

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        keyPool.removeAll(keepingCapacity: true)
    }

    /// The kind and interned name of the person or place with these tokens, if any.
    @inline(__always)
    func find(_ key: TokenKey, hash: UInt64) -> (kind: EntityKind, name: Int32)? {
        guard let index = index(key, hash: hash) else { return nil }
        return (entries[index].kind, entries[index].name)
    }

    mutating func set(_ key: TokenKey, hash: UInt64, kind: EntityKind, name: Int32) {
        if let index = index(key, hash: hash) {
            entries[index].kind = kind
            entries[index].name = name
            return
        }
        entries.append(
            Entry(hash: hash, keyStart: Int32(keyPool.count), keyCount: Int32(key.hashes.count), kind: kind, name: name)
        )
        keyPool.append(contentsOf: key.hashes)
    }

    @inline(__always)
    private func index(_ key: TokenKey, hash: UInt64) -> Int? {
        for index in entries.indices where entries[index].hash == hash {
            let entry = entries[index]
            let matches = keyPool.withUnsafeBufferPointer { pool in
                key.equals(
                    UnsafeBufferPointer(rebasing: pool[Int(entry.keyStart)..<Int(entry.keyStart + entry.keyCount)])
                )
            }
            if matches { return index }
        }
        return nil
    }
}
