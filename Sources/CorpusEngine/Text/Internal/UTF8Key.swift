/// A string compared and hashed by its UTF-8 bytes.
///
/// `String`'s own `Hashable` conformance follows Unicode canonical equivalence, which makes hashing
/// and comparing non-ASCII text several times slower. The engine's strings are all NFC, where byte
/// equality and canonical equivalence agree, so sets and dictionaries of names use this key.
struct UTF8Key: Hashable, Sendable {
    let string: String

    init(_ string: String) {
        self.string = string
    }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        UTF8Key.bytesEqual(lhs.string, rhs.string)
    }

    /// Whether two strings have the same UTF-8 bytes (compared as contiguous buffers).
    static func bytesEqual(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return lhs.withUTF8Buffer { left in rhs.withUTF8Buffer { right in left.elementsEqual(right) } }
    }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
