/// One non-blank line of an article file, trimmed of white space (including U+00A0 and U+FEFF).
struct SourceLine {
    /// The trimmed text.
    var text: Substring
    /// The 1-based line number in the file.
    var number: Int
    /// Whether the line ended with a no-break space before trimming: scraped captions often do.
    var hadTrailingNoBreakSpace: Bool

    /// ``lines(of:)`` for text that needs no NFC conversion, or `nil` when it may (when
    /// ``VietnameseText/mayNeedNFC(_:)`` is `true`): both questions in one pass, which skips eight bytes
    /// at a time while they hold no line break and nothing that NFC could compose.
    static func linesIfNFC(of text: String) -> [SourceLine]? {
        var result: [SourceLine] = []
        let isNFC = text.withUTF8Buffer { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var lineStart = 0
            var number = 1
            var index = 0
            let n = bytes.count
            func emit(_ start: Int, _ end: Int) {
                if let line = line(of: text, bytes, start, end, number: number) { result.append(line) }
            }
            while index < n {
                if index + 8 <= n {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let next = index + 8 < n ? base[index + 8] : 0
                    let mask = Self.interestingBytes(word, next: next)
                    if mask == 0 {
                        index += 8
                        continue
                    }
                    index += mask.trailingZeroBitCount / 8
                }
                let byte = base[index]
                if byte == 0x0A || byte == 0x0D {
                    emit(lineStart, index)
                    if byte == 0x0D, index + 1 < n, base[index + 1] == 0x0A { index += 1 }
                    index += 1
                    lineStart = index
                    number += 1
                    continue
                }
                // The test of `VietnameseText.mayNeedNFC` for this byte.
                if byte == 0xCC || byte == 0xCD { return false }
                if byte == 0xE1, index + 1 < n {
                    let next = base[index + 1]
                    if (next >= 0x84 && next <= 0x87) || next == 0xB7 { return false }
                } else if byte == 0xE2, index + 1 < n, base[index + 1] == 0x83 {
                    return false
                } else if byte == 0xEF, index + 2 < n, base[index + 1] == 0xB8, base[index + 2] >= 0xA0 {
                    return false
                }
                index += 1
            }
            emit(lineStart, n)
            return true
        }
        return isNFC ? result : nil
    }

    /// The high bit of each byte of `word` that needs a look: a line break, or a lead byte that
    /// `mayNeedNFC` tests (U+0300–U+037F, U+20xx, U+FExx, and U+1xxx other than the precomposed
    /// Vietnamese letters, whose second byte is 0xBA or 0xBB). `next` is the byte after the word.
    @inline(__always)
    static func interestingBytes(_ word: UInt64, next: UInt8) -> UInt64 {
        typealias L = LineShape
        var mask = L.byteMask(word, equalTo: 0x0A) | L.byteMask(word, equalTo: 0x0D)
        mask |= L.byteMask(word, equalTo: 0xCC) | L.byteMask(word, equalTo: 0xCD)
        mask |= L.byteMask(word, equalTo: 0xE2) | L.byteMask(word, equalTo: 0xEF)
        let vietnameseSecond = L.byteMask(word, equalTo: 0xBA) | L.byteMask(word, equalTo: 0xBB)
        let nextIsVietnamese: UInt64 = next == 0xBA || next == 0xBB ? 0x80 << 56 : 0
        mask |= L.byteMask(word, equalTo: 0xE1) & ~(vietnameseSecond >> 8 | nextIsVietnamese)
        return mask
    }

    /// The trimmed bounds of the line `start..<end`, whether it ended with a no-break space, or `nil`
    /// for a blank line.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int, Bool)? {
        var lower = start
        var upper = end
        while lower < upper {
            let length = whitespaceLength(bytes, at: lower, limit: upper)
            if length == 0 { break }
            lower += length
        }
        var trailingNoBreak = false
        while upper > lower {
            let length = trailingWhitespaceLength(bytes, endingAt: upper, limit: lower)
            if length == 0 { break }
            if length == 2 { trailingNoBreak = true }
            upper -= length
        }
        return lower < upper ? (lower, upper, trailingNoBreak) : nil
    }

    /// The line `start..<end` of `text` (whose UTF-8 is `bytes`), trimmed, or `nil` when blank.
    @inline(__always)
    static func line(
        of text: String,
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int,
        number: Int
    ) -> SourceLine? {
        guard let (lower, upper, trailingNoBreak) = trimmed(bytes, start, end) else { return nil }
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: lower)
        let to = utf8.index(utf8.startIndex, offsetBy: upper)
        return SourceLine(text: text[from..<to], number: number, hadTrailingNoBreakSpace: trailingNoBreak)
    }

    /// Splits text at `\n`, `\r\n` and `\r`, trims each line and drops blank ones.
    static func lines(of text: String) -> [SourceLine] {
        var result: [SourceLine] = []
        text.withUTF8Buffer { bytes in
            var lineStart = 0
            var number = 1
            var index = 0
            let n = bytes.count
            func emit(_ start: Int, _ end: Int) {
                if let line = line(of: text, bytes, start, end, number: number) { result.append(line) }
            }
            while index < n {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    emit(lineStart, index)
                    if byte == 0x0D, index + 1 < n, bytes[index + 1] == 0x0A { index += 1 }
                    index += 1
                    lineStart = index
                    number += 1
                } else {
                    index += 1
                }
            }
            emit(lineStart, n)
        }
        return result
    }

    /// Length of the white-space scalar starting at `index`, or 0.
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Int {
        let b0 = bytes[index]
        if b0 == 0x20 || b0 == 0x09 || b0 == 0x0B || b0 == 0x0C { return 1 }
        if b0 == 0xC2, index + 1 < limit, bytes[index + 1] == 0xA0 { return 2 }
        if index + 2 < limit, isWhitespace3(b0, bytes[index + 1], bytes[index + 2]) { return 3 }
        return 0
    }

    /// Length of the white-space scalar ending just before `end`, or 0.
    static func trailingWhitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, limit: Int) -> Int {
        let last = bytes[end - 1]
        if last == 0x20 || last == 0x09 || last == 0x0B || last == 0x0C { return 1 }
        if end - 2 >= limit, bytes[end - 2] == 0xC2, last == 0xA0 { return 2 }
        if end - 3 >= limit, isWhitespace3(bytes[end - 3], bytes[end - 2], last) { return 3 }
        return 0
    }

    /// U+2000–U+200B, U+202F, U+205F, U+3000, U+FEFF and U+1680 (three UTF-8 bytes each).
    private static func isWhitespace3(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        switch (b0, b1) {
        case (0xE2, 0x80): return (b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xAF
        case (0xE2, 0x81): return b2 == 0x9F
        case (0xE3, 0x80): return b2 == 0x80
        case (0xEF, 0xBB): return b2 == 0xBF
        case (0xE1, 0x9A): return b2 == 0x80
        default: return false
        }
    }
}
