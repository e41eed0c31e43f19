/// Converts Unicode scalar offsets of valid UTF-8 to byte offsets by walking from its last position
/// (or the start or end, when nearer), for code that looks at a few scalars near arbitrary offsets of
/// a long text without decoding all of it. Long forward walks count eight bytes at a time.
struct ScalarCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The number of scalars.
    let count: Int
    private var scalar = 0
    private var byte = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.count = bytes.unicodeScalarCount
    }

    /// The byte offset where scalar `index` (`0...count`) starts.
    mutating func byteOffset(of index: Int) -> Int {
        if index < self.scalar - index {
            self.scalar = 0
            self.byte = 0
        } else if self.count - index < abs(self.scalar - index) {
            self.scalar = self.count
            self.byte = self.bytes.count
        }
        if self.scalar < index, let base = self.bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while self.byte + 8 <= self.bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: self.byte, as: UInt64.self)
                let continuations = UnsafeBufferPointer<UInt8>.continuationBits(word)
                let starts = 8 - UnsafeBufferPointer<UInt8>.countHighBits(continuations)
                if self.scalar + starts > index { break }
                // Past the eight bytes and the rest of a scalar cut by their end: `starts` scalars on.
                self.byte += 8
                while self.byte < self.bytes.count && self.bytes[self.byte] & 0xC0 == 0x80 { self.byte += 1 }
                self.scalar += starts
            }
        }
        while self.scalar < index {
            let lead = self.bytes[self.byte]
            self.byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            self.scalar += 1
        }
        while self.scalar > index {
            self.byte -= 1
            while self.bytes[self.byte] & 0xC0 == 0x80 { self.byte -= 1 }
            self.scalar -= 1
        }
        return self.byte
    }

    /// Whether scalar `index` (`0..<count`) is white space (Unicode's `White_Space`).
    mutating func isWhitespace(at index: Int) -> Bool {
        let value = self.bytes.decodeScalar(at: self.byteOffset(of: index)).value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }
}
