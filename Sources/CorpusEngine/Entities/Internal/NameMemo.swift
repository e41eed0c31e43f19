/// Display names and ids already computed from a name's text, kept across chunks by the loader's
/// collectors.
///
/// `VietnameseText.canonicalizeTones(_:)` and `EntityKind.entityID(forName:)` are pure functions of the
/// name, so remembering them changes no result; the ``NameCache`` of a chunk then only interns. The
/// memo also remembers the interned indexes for the chunk it last served. Cleared past ``limit`` names.
struct NameMemo {
    struct Value {
        var display: String
        /// `nil` when the id is empty (the mention is dropped).
        var id: String?
        /// Interned indexes of display and id in the chunk numbered ``chunk``.
        var chunk: Int
        var displayIndex: Int32
        var idIndex: Int32
    }

    static let limit = 1 << 17

    private var values: [Value] = []
    private var pool: [UInt8] = []
    private var starts: [Int32] = []
    private var slots = HashSlots()

    /// The index of the memo entry for `name` (bytes of the name of a `kind` entity), if any.
    @inline(__always)
    func find(_ name: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        slots.first(hash: hash) { index in
            let start = Int(starts[index])
            let end = index + 1 < starts.count ? Int(starts[index + 1]) : pool.count
            return pool.withUnsafeBufferPointer { stored in
                ByteHash.equal(UnsafeBufferPointer(rebasing: stored[start..<end]), name)
            }
        }
    }

    subscript(index: Int) -> Value {
        get { values[index] }
        set { values[index] = newValue }
    }

    /// Adds the value for a name that ``find(_:hash:)`` did not find; returns its index.
    mutating func insert(_ name: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value) -> Int {
        if values.count >= Self.limit { removeAll() }
        if slots.needsGrowth(toHold: values.count + 1) { grow() }
        let index = values.count
        values.append(value)
        starts.append(Int32(pool.count))
        pool.append(contentsOf: name)
        slots.place(index, hash: hash)
        return index
    }

    private mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        pool.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        slots.removeAll()
    }

    private mutating func grow() {
        slots.grow(minimum: 1_024)
        for index in values.indices {
            let start = Int(starts[index])
            let end = index + 1 < starts.count ? Int(starts[index + 1]) : pool.count
            let hash = pool.withUnsafeBufferPointer { ByteHash.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) }
            slots.place(index, hash: hash)
        }
    }
}
