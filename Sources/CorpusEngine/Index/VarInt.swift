/// LEB128 variable-length integers: 7 bits per byte, high bit set on all but the last byte.
///
/// Postings store document deltas, per-field term frequencies and position deltas this way;
/// most values fit in one byte.
enum VarInt {
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inline(__always)
    static func length(_ value: UInt32) -> Int {
        var v = value
        var n = 1
        while v >= 0x80 {
            v >>= 7
            n += 1
        }
        return n
    }

    /// Decodes one value at `pointer` and advances it.
    @inline(__always)
    static func read(_ pointer: inout UnsafePointer<UInt8>) -> UInt32 {
        var byte = pointer.pointee
        pointer += 1
        if byte < 0x80 { return UInt32(byte) }
        var value = UInt32(byte & 0x7F)
        var shift: UInt32 = 7
        repeat {
            byte = pointer.pointee
            pointer += 1
            value |= UInt32(byte & 0x7F) << shift
            shift += 7
        } while byte >= 0x80 && shift < 35
        return value
    }

    /// Skips `count` values starting at `pointer`.
    @inline(__always)
    static func skip(_ count: Int, _ pointer: inout UnsafePointer<UInt8>) {
        var remaining = count
        while remaining > 0 {
            if pointer.pointee < 0x80 { remaining -= 1 }
            pointer += 1
        }
    }
}
