internal import Foundation

/// Lines that scraped pages carry around the article and that are not text: font-size buttons, share
/// and print links. A line is junk when its token key (lowercase, no punctuation) is one of ``phrases``,
/// or when it has at most five tokens that are all ``words``.
enum SiteJunk {
    static let phrases: Set<String> = [
        "a", "a a", "a a a", "in", "in bài", "in bài viết", "bản in", "chia sẻ", "chia sẻ bài viết", "share",
        "print", "tweet", "email", "gửi email", "gửi bài", "gửi bài viết", "facebook", "zalo", "twitter",
        "lưu", "lưu bài", "lưu bài viết", "bình luận", "nghe bài viết", "nghe đọc bài", "cỡ chữ", "font",
        "copy link", "sao chép liên kết", "về đầu trang", "lên đầu trang", "like", "thích", "google news",
        "theo dõi trên google news", "đọc bài", "nghe", "tắt", "bật", "mặc định",
    ]

    static let words: Set<String> = [
        "a", "in", "bài", "viết", "chia", "sẻ", "share", "print", "tweet", "email", "facebook", "zalo",
        "twitter", "lưu", "gửi", "bản", "copy", "link", "like", "thích", "cỡ", "chữ", "font",
    ]

    /// Every word of ``phrases`` and ``words`` (NFC bytes): a line with any other token is not junk,
    /// which most short lines show at their first token, without building its key.
    static let vocabulary = JunkVocabulary(
        Set(phrases.flatMap { $0.split(separator: " ").map(String.init) }).union(words)
    )

    static func isJunk(_ text: Substring) -> Bool {
        guard text.utf8.count <= 48 else { return false }
        guard vocabulary.mayBeJunk(text) else { return false }
        let key = VietnameseText.key(String(text))
        if phrases.contains(key) { return true }
        let tokens = key.split(separator: " ")
        return !tokens.isEmpty && tokens.count <= 5 && tokens.allSatisfy { words.contains(String($0)) }
            && tokens.contains { $0.count > 1 }
    }
}

/// The words junk lines are made of, compared by normalized token bytes.
struct JunkVocabulary: @unchecked Sendable {
    private let words: [[UInt8]]

    init(_ words: Set<String>) {
        self.words = words.map { Array($0.precomposedStringWithCanonicalMapping.utf8) }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
    }

    /// `false` when a token of the line (normalized, as in ``VietnameseText/key(_:)``) is not one of
    /// the words, so that the line cannot be junk.
    func mayBeJunk(_ text: Substring) -> Bool {
        var result = true
        VietnameseTokenizer().forEachToken(in: text) { _, forms in
            guard result else { return }
            let token = forms.normalizedUTF8
            if !words.contains(where: { $0.elementsEqual(token) }) { result = false }
        }
        return result
    }
}
