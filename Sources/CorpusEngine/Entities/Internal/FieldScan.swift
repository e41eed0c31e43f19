/// The tokens of one field as the entity rules see them: flags, offsets, vocabulary ids, hashes of the
/// normalized forms, and which tokens are already part of a mention.
///
/// A view over ``TokenColumns`` (plain pointers, so passing it around and reading it costs no
/// reference counting); valid while the columns are not refilled, that is during one article.
struct FieldScan {
    /// The field ordinal (``Article/Field/ordinal``).
    let field: Int
    /// The number of tokens.
    let count: Int
    /// The field's UTF-8 bytes; token byte offsets are relative to them.
    let text: UnsafeBufferPointer<UInt8>
    let flags: UnsafePointer<Token.Flags>
    let scalarStarts: UnsafePointer<Int32>
    let scalarEnds: UnsafePointer<Int32>
    let utf8Starts: UnsafePointer<Int32>
    let utf8Ends: UnsafePointer<Int32>
    /// ``LexiconVocabulary`` ids (-1 outside the word lists).
    let ids: UnsafePointer<Int32>
    /// FNV-1a hashes of the normalized forms (keys of known names).
    let hashes: UnsafePointer<UInt64>
    let taken: UnsafeMutablePointer<Bool>

    /// ``Token/Flags/separators``, spelled out so that the hot checks need no lazy global.
    @usableFromInline static let separatorBits: UInt32 = 0x0007_FF00

    /// Marks tokens as part of a mention.
    @inline(__always)
    func markTaken(_ range: Range<Int>) {
        for index in range { taken[index] = true }
    }

    /// Whether only white space separates token `index` from the one before.
    @inline(__always)
    func joined(_ index: Int) -> Bool {
        index < count && flags[index].rawValue & Self.separatorBits == 0
    }

    /// A capitalized word that may be part of a name (not a code, not an all-caps abbreviation).
    @inline(__always)
    func isNameWord(_ index: Int) -> Bool {
        guard index < count else { return false }
        let bits = flags[index].rawValue
        let letter = Token.Flags.hasLetter.rawValue
        let digitOrConnector = Token.Flags.hasDigit.rawValue | Token.Flags.hasConnector.rawValue
        let capitalized = Token.Flags.capitalized.rawValue
        guard bits & (letter | digitOrConnector | capitalized) == letter | capitalized else { return false }
        return bits & Token.Flags.allCaps.rawValue == 0 || scalarEnds[index] - scalarStarts[index] == 1
    }

    /// The raw bytes from the start of token `range.lowerBound` to the end of token `range.upperBound - 1`.
    @inline(__always)
    func rawSurface(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        let from = Int(utf8Starts[range.lowerBound])
        let to = Int(utf8Ends[range.upperBound - 1])
        return UnsafeBufferPointer(rebasing: text[from..<to])
    }

    /// The text of the tokens in `range` with white-space runs collapsed (``LineShape/collapsingSpaces(_:)``).
    func surface(_ range: Range<Int>) -> String {
        let raw = rawSurface(range)
        if !SpaceCollapsing.needsWork(raw) { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        SpaceCollapsing.collapse(raw) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Unicode-scalar offsets of the tokens in `range` within the field.
    @inline(__always)
    func scalarRange(_ range: Range<Int>) -> Range<Int> {
        Int(scalarStarts[range.lowerBound])..<Int(scalarEnds[range.upperBound - 1])
    }

    /// The hashes of the tokens in `range`: the identity of a name for the name cache and known names.
    @inline(__always)
    func key(_ range: Range<Int>) -> TokenKey {
        TokenKey(hashes: UnsafeBufferPointer(start: hashes + range.lowerBound, count: range.count))
    }
}

/// The normalized-token hashes of a run of tokens (borrowed from a ``FieldScan``).
struct TokenKey {
    let hashes: UnsafeBufferPointer<UInt64>

    /// One hash of the whole run (the province table's key).
    @inline(__always)
    var combined: UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        for part in hashes { hash = (hash ^ part) &* 0x0000_0100_0000_01B3 &+ 0x7F4A_7C15 }
        return hash
    }

    @inline(__always)
    func equals(_ other: UnsafeBufferPointer<UInt64>) -> Bool {
        guard other.count == hashes.count else { return false }
        for index in 0..<hashes.count where hashes[index] != other[index] { return false }
        return true
    }
}

/// White-space collapsing over UTF-8 bytes, as ``LineShape/collapsingSpaces(_:)`` does over scalars:
/// runs of space, tab and U+00A0 become one space; leading and trailing runs are dropped.
enum SpaceCollapsing {
    /// Whether the bytes hold a tab, a U+00A0 or a double space (the same test as `collapsingSpaces`:
    /// token runs never start or end with a space).
    @inline(__always)
    static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = false
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x09 || (byte == 0xA0 && previous == 0xC2) || (byte == 0x20 && previousSpace) { return true }
            previousSpace = byte == 0x20
            previous = byte
        }
        return false
    }

    @inline(__always)
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) {
        var pendingSpace = false
        var emitted = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let spaceLength =
                byte == 0x20 || byte == 0x09
                ? 1 : (byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0xA0 ? 2 : 0)
            if spaceLength > 0 {
                pendingSpace = emitted
                index += spaceLength
                continue
            }
            if pendingSpace { emit(0x20) }
            pendingSpace = false
            emit(byte)
            emitted = true
            index += 1
        }
    }
}
