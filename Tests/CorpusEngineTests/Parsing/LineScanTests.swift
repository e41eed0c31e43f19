import Testing

@testable import CorpusEngine

/// The word-at-a-time scans of the parser agree with their byte-by-byte definitions.
@Suite("Line and word scans")
struct LineScanTests {
    /// Scalars that each fast path treats specially, mixed with plain Vietnamese letters.
    static let alphabet: [String] = [
        "a", "b", " ", " ", " ", "\t", "\n", "\r", "\r\n", "\u{A0}", "\u{2003}", "\u{FEFF}", "\u{200B}", "\u{3000}",
        "\u{1680}", "ạ", "ố", "ử", "Ẫ", "đ", "\u{301}", "\u{323}", "\u{20D0}", "\u{FE20}", "\u{1DC0}", "\u{1100}",
        "—", "€", "x", "1", ".",
    ]
    /// The same without the scalars that make ``VietnameseText/mayNeedNFC(_:)`` true.
    static let nfcAlphabet = alphabet.filter { !VietnameseText.mayNeedNFC($0) }

    /// Deterministic pseudo-random texts (SplitMix64), long enough to cross many 8-byte words.
    static func texts(count: Int, from alphabet: [String] = alphabet) -> [String] {
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<count).map { _ in
            let length = Int(next() % 60)
            return (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }.joined()
        }
    }

    static func describe(_ lines: [SourceLine]) -> [String] {
        lines.map { "\($0.number) \($0.hadTrailingNoBreakSpace) \($0.text)" }
    }

    @Test("splitting lines while checking for NFC matches lines(of:) and mayNeedNFC")
    func linesIfNFC() {
        let fixed = [
            "", "\n", "1234567\n89", "12345678\r\n9", "1234567\r\n", "abcdefgạ\n", "abcdefg\u{E1}\u{BA}",
            "abcdefgh\u{301}", "Hoà bình \u{A0}\nThuỷ lợi\r\rx", "ab\u{1DC0}", "ab\u{1100}cdefghij\n",
        ]
        var checkedNFC = 0
        for text in fixed + Self.texts(count: 1000) + Self.texts(count: 1000, from: Self.nfcAlphabet) {
            let fast = SourceLine.linesIfNFC(of: text)
            if VietnameseText.mayNeedNFC(text) {
                #expect(fast == nil, "\(Array(text.unicodeScalars))")
            } else {
                #expect(
                    fast.map(Self.describe) == Self.describe(SourceLine.lines(of: text)),
                    "\(Array(text.unicodeScalars))"
                )
                checkedNFC += 1
            }
        }
        #expect(checkedNFC > 1000)
    }

    @Test("word counts match a byte-by-byte count up to the bound")
    func wordCount() {
        for text in Self.texts(count: 2000) {
            let words = text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
            for limit in [0, 1, 3, 12, 80] {
                let counted = LineShape.wordCount(text[...], upTo: limit)
                if words <= limit {
                    #expect(counted == words, "\(Array(text.unicodeScalars))")
                } else {
                    #expect(counted > limit, "\(Array(text.unicodeScalars))")
                }
            }
        }
    }
}
