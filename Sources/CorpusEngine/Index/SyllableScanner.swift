/// Finds syllable tokens in UTF-8 text, fast, without allocating.
///
/// A token is a run of letters and digits (combining marks included, so NFD input still forms
/// whole tokens). `-` and `/` join two alphanumeric runs (`35-CT/TW`, `2020-2025`, `1-2020`), and
/// `.` or `,` join two digits (`1.000`, `3,5`), so numbers and document codes stay whole. Everything
/// else (spaces, U+00A0, quotes, punctuation) separates tokens.
///
/// Indexing and query analysis both use this scanner, so the two always agree on token
/// boundaries; the scanner reports each token's UTF-8 byte range and Unicode scalar range.
enum SyllableScanner {
    /// One token of a text.
    struct Token: Sendable, Hashable {
        var byteStart: Int
        var byteEnd: Int
        var scalarStart: Int
        var scalarEnd: Int
    }

    /// The character class of one scalar.
    private enum Class {
        case alphanumeric
        case digit
        case joiner  // - or /
        case numberJoiner  // . or ,
        case other
    }

    @inline(__always)
    private static func classify(_ v: UInt32) -> Class {
        if v < 0x80 {
            switch v {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .alphanumeric
            case 0x2D, 0x2F: return .joiner
            case 0x2C, 0x2E: return .numberJoiner
            default: return .other
            }
        }
        switch v {
        case 0xC0...0x24F: return v == 0xD7 || v == 0xF7 ? .other : .alphanumeric
        case 0x300...0x36F, 0x1E00...0x1EFF: return .alphanumeric
        case 0x2000...0x206F, 0xA0...0xBF: return .other
        default:
            guard let scalar = Unicode.Scalar(v) else { return .other }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.generalCategory == .nonspacingMark { return .alphanumeric }
            return properties.numericType != nil ? .digit : .other
        }
    }

    /// Decodes the scalar at `i`, returning it and its UTF-8 length (invalid bytes count as one).
    @inline(__always)
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(text[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = text.count
        if b0 >= 0xF0, i + 3 < n {
            let v = (b0 & 0x07) << 18 | (UInt32(text[i + 1]) & 0x3F) << 12 | (UInt32(text[i + 2]) & 0x3F) << 6
            return (v | (UInt32(text[i + 3]) & 0x3F), 4)
        }
        if b0 >= 0xE0, i + 2 < n {
            return ((b0 & 0x0F) << 12 | (UInt32(text[i + 1]) & 0x3F) << 6 | (UInt32(text[i + 2]) & 0x3F), 3)
        }
        if b0 >= 0xC0, i + 1 < n {
            return ((b0 & 0x1F) << 6 | (UInt32(text[i + 1]) & 0x3F), 2)
        }
        return (0xFFFD, 1)
    }

    /// Calls `body` for each token of `text`, in order.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        var i = 0
        var scalarIndex = 0
        let n = text.count
        var inToken = false
        var start = Token(byteStart: 0, byteEnd: 0, scalarStart: 0, scalarEnd: 0)
        var previousIsDigit = false
        while i < n {
            let (v, length) = Self.decode(text, i)
            let kind = Self.classify(v)
            switch kind {
            case .alphanumeric, .digit:
                if !inToken {
                    inToken = true
                    start.byteStart = i
                    start.scalarStart = scalarIndex
                }
                previousIsDigit = kind == .digit
                i += length
                scalarIndex += 1
            case .joiner, .numberJoiner:
                // Join only between two alphanumerics (numbers only, for . and ,).
                if inToken, i + 1 < n {
                    let (next, _) = Self.decode(text, i + 1)
                    let nextKind = Self.classify(next)
                    let joins =
                        kind == .joiner
                        ? (nextKind == .alphanumeric || nextKind == .digit)
                        : (previousIsDigit && nextKind == .digit)
                    if joins {
                        i += 1
                        scalarIndex += 1
                        continue
                    }
                }
                fallthrough
            case .other:
                if inToken {
                    inToken = false
                    start.byteEnd = i
                    start.scalarEnd = scalarIndex
                    body(start)
                }
                i += length
                scalarIndex += 1
            }
        }
        if inToken {
            start.byteEnd = n
            start.scalarEnd = scalarIndex
            body(start)
        }
    }

    /// The tokens of a string, as substrings (for query analysis and tests).
    static func tokens(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { buffer in
            var result: [String] = []
            Self.scan(buffer) { token in
                result.append(
                    String(decoding: UnsafeBufferPointer(rebasing: buffer[token.byteStart..<token.byteEnd]), as: UTF8.self)
                )
            }
            return result
        }
    }
}
