/// The two index keys of one query syllable.
struct SyllableForms: Sendable, Hashable {
    /// NFC, lowercase, canonical tone placement; diacritics kept (`đảng`).
    var normalized: String
    /// `normalized` without any diacritic, `đ` folded to `d` (`dang`).
    var folded: String

    /// Whether the syllable was typed without any diacritic (its two forms are equal): such a word
    /// matches every accented variant. This includes real syllables without marks such as `an` or
    /// `phu`: a user who types no diacritics at all cannot be told apart from one who means the
    /// unmarked syllable, so folded matching is the only choice that never misses.
    var isUnaccented: Bool { self.normalized == self.folded }

    /// The syllables of a piece of query text, via the `Text/` tokenizer (the same analysis as the
    /// indexed text).
    static func syllables(of text: String) -> [SyllableForms] {
        VietnameseTokenizer().analyze(text).map { SyllableForms(normalized: $0.normalized, folded: $0.folded) }
    }
}
