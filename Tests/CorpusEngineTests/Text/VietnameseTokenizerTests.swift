import CorpusEngine
import Testing

@Suite("Vietnamese tokenizer")
struct VietnameseTokenizerTests {
    private let tokenizer = VietnameseTokenizer()

    private func texts(_ text: String) -> [String] {
        tokenizer.analyze(text).map(\.text)
    }

    @Test(
        "Numbers and codes stay whole",
        arguments: [
            "35-CT/TW", "94-KH/TU", "2020-2025", "11/14", "1-2020", "UBMTTQVN", "12/11/2019", "100/2019/NĐ-CP",
            "1.000.000", "3,5", "COVID-19",
        ]
    )
    func codes(code: String) {
        #expect(texts("theo \(code), ") == ["theo", code])
    }

    @Test("Hyphens between letters split syllables")
    func lettersSplit() {
        #expect(texts("Bà Rịa-Vũng Tàu") == ["Bà", "Rịa", "Vũng", "Tàu"])
        #expect(texts("Văn hóa - Thể thao") == ["Văn", "hóa", "Thể", "thao"])
    }

    @Test("Punctuation is not a token and trailing connectors are dropped")
    func punctuation() {
        #expect(
            texts("“An Phú phải tập trung…” - đồng chí nói. Năm 2019.") == [
                "An", "Phú", "phải", "tập", "trung", "đồng", "chí", "nói", "Năm", "2019",
            ]
        )
        #expect(texts("kỳ 2015-, tháng 1.") == ["kỳ", "2015", "tháng", "1"])
    }

    @Test("Offsets are UTF-8 bytes and Unicode scalars")
    func offsets() throws {
        let text = "Đảng bộ 35-CT/TW"
        let tokens = tokenizer.tokens(in: text)
        try #require(tokens.count == 3)
        #expect(tokens[0].utf8Range == 0..<7)
        #expect(tokens[0].scalarRange == 0..<4)
        #expect(tokens[1].scalarRange == 5..<7)
        #expect(tokens[2].scalarRange == 8..<16)
        #expect(tokens.map(\.position) == [0, 1, 2])
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[tokens[2].scalarRange])) == "35-CT/TW")
    }

    @Test("Forms are normalized and folded")
    func forms() {
        let analyzed = tokenizer.analyze("Hoà THUỶ Đảng 35-CT/TW")
        #expect(analyzed.map(\.normalized) == ["hòa", "thủy", "đảng", "35-ct/tw"])
        #expect(analyzed.map(\.folded) == ["hoa", "thuy", "dang", "35-ct/tw"])
    }

    @Test("NFD tokens get NFC forms")
    func nfd() {
        let analyzed = tokenizer.analyze("\u{110}a\u{309}ng Kie\u{302}\u{323}t")
        #expect(analyzed.map(\.normalized) == ["đảng", "kiệt"])
        #expect(analyzed.map(\.folded) == ["dang", "kiet"])
    }

    @Test("Flags record case and what comes before a token")
    func flags() throws {
        let tokens = tokenizer.tokens(in: "Sau đó, UBND nói: “Hay”. Ông Ba\nTốt (xã A)")
        try #require(tokens.count == 10)
        #expect(tokens[0].startsSentence)
        #expect(tokens[0].flags.contains(.capitalized))
        #expect(!tokens[1].startsSentence && tokens[1].followsDirectly)
        #expect(tokens[2].flags.contains(.afterComma))
        #expect(tokens[2].flags.contains(.allCaps))
        #expect(tokens[4].flags.contains(.afterColon) && tokens[4].flags.contains(.afterOpenQuote))
        #expect(tokens[4].capitalizationIsPositional)
        #expect(tokens[5].startsSentence)
        #expect(tokens[7].flags.contains(.afterLineBreak))
        #expect(tokens[8].flags.contains(.afterOpenBracket))
        #expect(!tokens[6].capitalizationIsPositional)
    }

    @Test("Straight quotes open after a space and close after a word")
    func straightQuotes() throws {
        let tokens = tokenizer.tokens(in: "nói \"Tốt\" rồi")
        try #require(tokens.count == 3)
        #expect(tokens[1].flags.contains(.afterOpenQuote))
        #expect(tokens[2].flags.contains(.afterCloseQuote))
    }

    @Test("The seed's no-break spaces separate tokens")
    func noBreakSpace() {
        #expect(texts("\u{A0}-\u{A0} Sau khi An Phú\u{A0}") == ["Sau", "khi", "An", "Phú"])
    }
}
