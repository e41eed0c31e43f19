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
