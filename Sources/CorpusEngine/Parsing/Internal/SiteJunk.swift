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

    static func isJunk(_ text: Substring) -> Bool {
        guard text.utf8.count <= 48 else { return false }
        let key = VietnameseText.key(String(text))
        if phrases.contains(key) { return true }
        let tokens = key.split(separator: " ")
        return !tokens.isEmpty && tokens.count <= 5 && tokens.allSatisfy { words.contains(String($0)) }
            && tokens.contains { $0.count > 1 }
    }
}
