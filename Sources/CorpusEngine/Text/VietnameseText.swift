import Foundation

/// Normalization of Vietnamese text: NFC, one tone-mark placement, case folding and diacritic folding.
///
/// Three forms matter to the engine:
/// - **NFC** (``nfc(_:)``): the text as stored and sent on the wire. Scraped pages sometimes carry NFD
///   (`o` + U+0300 instead of `ò`); every article is converted once at load time.
/// - **Normalized** (``normalize(_:)``): NFC, lowercase, and the tone mark on one canonical vowel, so
///   that the two spelling conventions meet: `hòa`/`hoà`, `thủy`/`thuỷ`, `ủy`/`uỷ`, `khỏe`/`khoẻ` all
///   normalize to the first (traditional) spelling, which is the one most news sites use. The placement
///   rules are documented on the internal `TonePlacement`; they keep `qu` and `gi` onsets (`quý`,
///   `giữa`) and final consonants (`hoàng`, `thuyền`) right.
/// - **Folded** (``fold(_:)``): the normalized form without any diacritics and with `đ` → `d`
///   (`Đảng` → `dang`), for accent-insensitive matching.
///
/// The ``key(_:)`` and ``foldedKey(_:)`` variants keep only the tokens (syllables, numbers, codes),
/// joined by single spaces: they are the forms used to look names up.
public enum VietnameseText {
    /// Returns the text in Unicode Normalization Form C.
    ///
    /// A quick scan for combining marks (U+0300–U+036F and the other combining blocks) and conjoining
    /// Hangul jamo decides whether Foundation's normalization is needed at all; text without them is
    /// returned as is, without copying. This covers the text this corpus meets; the rare singleton
    /// decompositions outside those blocks (such as U+212B ANGSTROM SIGN) are not rewritten.
    public static func nfc(_ text: String) -> String {
        guard mayNeedNFC(text) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Whether the text contains scalars that NFC may compose (the quick check of ``nfc(_:)``).
    public static func mayNeedNFC(_ text: some StringProtocol) -> Bool {
        text.withUTF8Buffer { bytes in
            var index = 0
            let n = bytes.count
            while index < n {
                let byte = bytes[index]
                if byte == 0xCC || byte == 0xCD { return true }  // U+0300–U+037F
                if byte == 0xE1, index + 1 < n {
                    let next = bytes[index + 1]
                    if next >= 0x84 && next <= 0x87 { return true }  // U+1100–U+11FF Hangul jamo
                    if next == 0xB7 { return true }  // U+1DC0–U+1DFF
                } else if byte == 0xE2, index + 1 < n, bytes[index + 1] == 0x83 {
                    return true  // U+20C0–U+20FF
                } else if byte == 0xEF, index + 2 < n, bytes[index + 1] == 0xB8, bytes[index + 2] >= 0xA0 {
                    return true  // U+FE20–U+FE3F
                }
                index += 1
            }
            return false
        }
    }

    /// Returns the normalized form: NFC, lowercase, canonical tone placement, white-space runs
    /// collapsed to one space and trimmed. Punctuation is kept.
    ///
    /// `"Thủy  LỢI"` and `"thuỷ lợi"` both give `"thủy lợi"`.
    public static func normalize(_ text: String) -> String {
        TextTransform.apply(text, mode: .normalize)
    }

    /// Returns the folded form: the normalized form without diacritics, `đ` → `d`.
    ///
    /// `"Đảng bộ"` gives `"dang bo"`.
    public static func fold(_ text: String) -> String {
        TextTransform.apply(text, mode: .fold)
    }

    /// Returns the text in NFC with canonical tone placement, keeping case and white space.
    ///
    /// `"Hoà Bình"` gives `"Hòa Bình"`. Used to merge the two spellings of a name for display.
    public static func canonicalizeTones(_ text: String) -> String {
        TextTransform.apply(text, mode: .canonicalTones)
    }

    /// Returns the normalized forms of the text's tokens joined by single spaces: punctuation that
    /// is not part of a token is dropped (`"Văn hóa - Thể thao"` → `"văn hóa thể thao"`).
    public static func key(_ text: String) -> String {
        joinedForms(text, folded: false)
    }

    /// Returns the folded forms of the text's tokens joined by single spaces
    /// (`"Võ Anh Kiệt"` → `"vo anh kiet"`).
    public static func foldedKey(_ text: String) -> String {
        joinedForms(text, folded: true)
    }

    private static func joinedForms(_ text: String, folded: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        VietnameseTokenizer().forEachToken(in: text) { _, forms in
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: folded ? forms.foldedUTF8 : forms.normalizedUTF8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
