extension UnsafeBufferPointer where Element == UInt8 {
    /// Decodes the scalar that starts at `index` of valid UTF-8 (as stored by `String`).
    ///
    /// - Returns: the scalar value and its length in bytes.
    @inline(__always)
    func decodeScalar(at index: Int) -> (value: UInt32, length: Int) {
        let b0 = self[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xE0 {
            return (UInt32(b0 & 0x1F) << 6 | UInt32(self[index + 1] & 0x3F), 2)
        }
        if b0 < 0xF0 {
            let value = UInt32(b0 & 0x0F) << 12 | UInt32(self[index + 1] & 0x3F) << 6 | UInt32(self[index + 2] & 0x3F)
            return (value, 3)
        }
        let value =
            UInt32(b0 & 0x07) << 18 | UInt32(self[index + 1] & 0x3F) << 12 | UInt32(self[index + 2] & 0x3F) << 6
            | UInt32(self[index + 3] & 0x3F)
        return (value, 4)
    }

    /// The number of Unicode scalars in valid UTF-8: the bytes that do not continue a scalar (`10xxxxxx`).
    var unicodeScalarCount: Int {
        guard let base = self.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuations = 0
        var i = 0
        while i + 8 <= self.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            continuations &+= Self.countHighBits(Self.continuationBits(word))
            i &+= 8
        }
        while i < self.count {
            if base[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return self.count - continuations
    }

    /// Eight bytes at a time: the high bit of each byte that continues a scalar (`10xxxxxx`: bit 7
    /// set, bit 6 clear), every other bit clear.
    @inline(__always)
    static func continuationBits(_ word: UInt64) -> UInt64 {
        word & ~(word << 1) & 0x8080_8080_8080_8080
    }

    /// The number of set bits in a word whose only set bits are the high bits of its bytes (a sum
    /// of bytes by one multiplication: cheaper than `nonzeroBitCount` where the CPU baseline has no
    /// population count instruction, as x86-64's).
    @inline(__always)
    static func countHighBits(_ word: UInt64) -> Int {
        Int(truncatingIfNeeded: ((word &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }
}

extension StringProtocol {
    /// Calls `body` with the contiguous UTF-8 bytes of the string, copying only if the string is not
    /// stored contiguously (bridged or lazily built strings).
    @inline(__always)
    func withUTF8Buffer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(self)
        return try copy.withUTF8(body)
    }
}

extension StringProtocol {
    /// Whether the UTF-8 bytes of `pattern` occur in the string (byte search, no Unicode equivalence:
    /// both sides are expected in NFC).
    func utf8Contains(_ pattern: String) -> Bool {
        withUTF8Buffer { text in
            pattern.withUTF8Buffer { needle in
                guard let first = needle.first, needle.count <= text.count else { return needle.isEmpty }
                var index = 0
                let last = text.count - needle.count
                while index <= last {
                    if text[index] == first {
                        var offset = 1
                        while offset < needle.count, text[index + offset] == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// Whether the string starts with the UTF-8 bytes of `prefix`.
    func utf8HasPrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }
}
