/// One search result.
public struct SearchHit: Sendable, Hashable {
    /// The article id.
    public var articleID: String
    /// The article title.
    public var title: String
    /// Publication time as RFC 3339 with offset, or empty when unknown.
    public var publishedAt: String
    /// The relevance score (higher is better).
    public var score: Double
    /// 1-based rank in the full result list (cursor resumption continues the count).
    public var rank: Int
    /// The best-matching passage with the matched syllables marked.
    public var snippet: Snippet
    /// Resume after this hit.
    public var cursor: SearchCursor
}

/// A passage of an article with highlight ranges.
public struct Snippet: Sendable, Hashable {
    /// A half-open range `[start, end)` of Unicode scalar offsets into ``Snippet/text``.
    public struct Highlight: Sendable, Hashable {
        /// First scalar offset.
        public var start: Int
        /// One past the last scalar offset.
        public var end: Int

        /// Creates a range.
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// The passage (NFC), about 200 characters, cut at word boundaries; `…` marks a cut.
    public var text: String
    /// Ranges of matched syllables, ascending and non-overlapping.
    public var highlights: [Highlight]

    /// Creates a snippet.
    public init(text: String, highlights: [Highlight]) {
        self.text = text
        self.highlights = highlights
    }

    /// The highlighted substrings, in order (convenient for display and tests).
    public var highlightedTexts: [String] {
        let scalars = Array(self.text.unicodeScalars)
        return self.highlights.map { highlight in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[highlight.start..<highlight.end])
            return String(s)
        }
    }
}
