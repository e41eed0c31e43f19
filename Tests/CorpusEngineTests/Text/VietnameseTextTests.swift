import CorpusEngine
import Testing

@Suite("Vietnamese text normalization")
struct VietnameseTextTests {
    @Test(
        "Both tone conventions normalize to the traditional one",
        arguments: [
            ("hoà", "hòa"), ("hòa", "hòa"), ("thuỷ", "thủy"), ("thủy", "thủy"), ("uỷ", "ủy"), ("ủy", "ủy"),
            ("khoẻ", "khỏe"), ("khỏe", "khỏe"), ("Hoà", "hòa"), ("HOÀ", "hòa"), ("thuý", "thúy"),
            ("thúy", "thúy"), ("Tuỳ", "tùy"), ("loà", "lòa"), ("xoè", "xòe"),
        ]
    )
    func toneConventions(input: String, expected: String) {
        #expect(VietnameseText.normalize(input) == expected)
    }

    @Test(
        "Onsets, final consonants and modified vowels keep their tone",
        arguments: [
            "hoàng", "quý", "quả", "quốc", "giữa", "già", "gì", "gìn", "thuyền", "người", "huỳnh", "ngoài",
            "khuỷu", "tuổi", "hiểu", "hoặc", "khuếch", "giường", "mùa", "mía", "cáo", "quýt", "toán", "yến",
        ]
    )
    func canonicalSpellingsAreStable(word: String) {
        #expect(VietnameseText.normalize(word) == word)
    }

    @Test("Misplaced tones move to the canonical vowel")
    func misplacedTones() {
        #expect(VietnameseText.normalize("hoàng") == VietnameseText.normalize("hòang"))
        #expect(VietnameseText.normalize("qúy") == "quý")
        #expect(VietnameseText.normalize("gìa") == "già")
        #expect(VietnameseText.normalize("ngòai") == "ngoài")
    }

    @Test("NFD input gives the same forms as NFC")
    func nfdInput() {
        let nfd = "Ho\u{300}a Bi\u{300}nh - \u{110}a\u{309}ng bo\u{302}\u{323} thu\u{309}y"
        #expect(VietnameseText.nfc(nfd) == "Hòa Bình - Đảng bộ thủy")
        #expect(VietnameseText.normalize(nfd) == "hòa bình - đảng bộ thủy")
        #expect(VietnameseText.fold(nfd) == "hoa binh - dang bo thuy")
        #expect(VietnameseText.mayNeedNFC(nfd))
        #expect(!VietnameseText.mayNeedNFC("Hòa Bình"))
    }

    @Test("NFC text is returned unchanged")
    func nfcFastPath() {
        let text = "Đại hội Đảng bộ huyện lần thứ VII"
        #expect(VietnameseText.nfc(text) == text)
    }

    @Test("Folding removes every diacritic and đ")
    func folding() {
        #expect(VietnameseText.fold("Đảng") == "dang")
        #expect(VietnameseText.fold("Đại hội Đảng bộ") == "dai hoi dang bo")
        #expect(VietnameseText.fold("Ngô Công Thức") == "ngo cong thuc")
        #expect(VietnameseText.fold("ĂÂÊÔƠƯ ăâêôơư") == "aaeoou aaeoou")
        #expect(VietnameseText.fold("Crème brûlée") == "creme brulee")
    }

    @Test("Normalization lowercases, collapses spaces and keeps punctuation")
    func normalizeWhitespace() {
        #expect(VietnameseText.normalize("  Thủy\u{A0}\u{A0}LỢI,  Hà Nội ") == "thủy lợi, hà nội")
    }

    @Test("Canonical tones keep case and spacing")
    func canonicalizeTones() {
        #expect(VietnameseText.canonicalizeTones("Hoà Bình  THUỶ") == "Hòa Bình  THỦY")
    }

    @Test("Keys drop punctuation and join tokens with one space")
    func keys() {
        #expect(VietnameseText.key("Văn hóa - Thể thao") == "văn hóa thể thao")
        #expect(VietnameseText.foldedKey("Võ Anh Kiệt") == "vo anh kiet")
        #expect(VietnameseText.key("Chỉ thị số 35-CT/TW") == "chỉ thị số 35-ct/tw")
    }

    @Test("Latin capital eth stands in for Đ")
    func eth() {
        #expect(VietnameseText.fold("\u{D0}ảng") == "dang")
        #expect(VietnameseText.normalize("\u{D0}ảng") == "đảng")
    }
}
