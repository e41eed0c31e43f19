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
        lhs.string.utf8.count == rhs.string.utf8.count && lhs.string.utf8.elementsEqual(rhs.string.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
