import Foundation

/// The two index keys of one syllable.
struct SyllableForms: Sendable, Hashable {
    /// NFC, lowercase, canonical tone placement; diacritics kept (`đảng`).
    var normalized: String
    /// `normalized` without any diacritic, `đ` folded to `d` (`dang`).
    var folded: String

    /// Whether the syllable was typed without any diacritic (its two forms are equal).
    var isUnaccented: Bool { self.normalized == self.folded }
}

/// Turns one raw token into its index keys.
///
/// Search depends only on this seam, so swapping the implementation (the `Text/` layer's
/// normalizer) is a one-line change.
enum SyllableNormalizer {
    /// The forms of one token as scanned from text.
    static func forms(of token: String) -> SyllableForms {
        let normalized = token.precomposedStringWithCanonicalMapping.lowercased()
        var folded = ""
        folded.reserveCapacity(normalized.utf8.count)
        for scalar in normalized.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x300...0x36F: continue
            case 0x111: folded.unicodeScalars.append("d")
            default: folded.unicodeScalars.append(scalar)
            }
        }
        return SyllableForms(normalized: normalized, folded: folded)
    }
}
