/// Cheap measurements of a line that the parser's heuristics use.
enum LineShape {
    /// Number of words separated by spaces or tabs (a U+00A0 inside a line does not separate; lines are
    /// already trimmed of it).
    static func wordCount(_ text: Substring) -> Int {
        wordCount(text, upTo: Int.max)
    }

    /// The number of words, counting stops once it passes `limit` (a result above `limit` only means
    /// "more than `limit`"): the parser only compares counts with small bounds, and body paragraphs are
    /// long.
    ///
    /// Eight bytes at a time: a word starts at a byte that is not a space or tab and follows one.
    static func wordCount(_ text: Substring, upTo limit: Int) -> Int {
        text.withUTF8Buffer { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            let raw = UnsafeRawPointer(base)
            let n = bytes.count
            var count = 0
            var previousSpace: UInt64 = 0x80  // before the text: a space
            var index = 0
            while index + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let spaces = Self.byteMask(word, equalTo: 0x20) | Self.byteMask(word, equalTo: 0x09)
                let starts = ~spaces & 0x8080_8080_8080_8080 & (spaces << 8 | previousSpace)
                count += starts.nonzeroBitCount
                if count > limit { return count }
                previousSpace = spaces >> 56
                index += 8
            }
            var previousWasSpace = previousSpace != 0
            while index < n {
                let byte = base[index]
                let isSpace = byte == 0x20 || byte == 0x09
                if !isSpace, previousWasSpace { count += 1 }
                previousWasSpace = isSpace
                index += 1
            }
            return count
        }
    }

    /// The high bit of each byte of `word` that equals `byte` (exact: no borrow between bytes).
    @inline(__always)
    static func byteMask(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        return ~(((x & low) &+ low) | x | low)
    }

    /// The number of Unicode scalars, counting stops once it passes `limit` (UTF-8 lead bytes are
    /// counted, which is the scalar count of valid UTF-8).
    static func scalarCount(_ text: Substring, upTo limit: Int) -> Int {
        text.withUTF8Buffer { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 {
                count += 1
                if count > limit { return count }
            }
            return count
        }
    }

    /// Whether the line ends a sentence: its last scalar, ignoring closing quotes and brackets, is
    /// `.`, `!`, `?`, `…`, `;` or `:`.
    static func endsWithTerminalPunctuation(_ text: Substring) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            switch scalar {
            case "\"", "'", "\u{201D}", "\u{2019}", "\u{BB}", ")", "]": continue
            case ".", "!", "?", "\u{2026}", ";", ":": return true
            default: return false
            }
        }
        return false
    }

    /// Whether the first letter or digit of the line is uppercase or a digit.
    static func startsWithCapitalOrDigit(_ text: Substring) -> Bool {
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic { return properties.isUppercase }
            if properties.numericType != nil { return true }
        }
        return false
    }

    /// Whether every letter of the line is uppercase (and there are at least two letters).
    static func isAllCaps(_ text: Substring) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Whether the line contains an ASCII digit.
    static func containsDigit(_ text: Substring) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Title case per word: `HỮU HUYNH` → `Hữu Huynh`, `NGUYỄN-VĂN A` → `Nguyễn-Văn A`.
    static func titleCased(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var atWordStart = true
        for character in text {
            if character.isLetter {
                result += atWordStart ? character.uppercased() : character.lowercased()
                atWordStart = false
            } else {
                result.append(character)
                atWordStart = true
            }
        }
        return result
    }

    /// Collapses runs of white space (space, tab, U+00A0) to one space; copies the text unchanged when
    /// it has none to collapse.
    static func collapsingSpaces(_ text: Substring) -> String {
        var needsWork = false
        var previousSpace = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x09 || (byte == 0xA0 && previous == 0xC2) || (byte == 0x20 && previousSpace) {
                needsWork = true
                break
            }
            previousSpace = byte == 0x20
            previous = byte
        }
        guard needsWork else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\u{A0}" || scalar == "\t" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
