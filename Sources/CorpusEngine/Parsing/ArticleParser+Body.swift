extension ArticleParser {
    /// Headings have at most this many words.
    static let maxHeadingWords = 12
    /// Lines without final punctuation longer than this are paragraphs that lost their period.
    static let maxCaptionWords = 60

    /// Classifies the body lines, in order:
    ///
    /// 1. Site junk is removed (noted).
    /// 2. **Caption by marker**: the line names a photo (`Ảnh:`, `(Ảnh …)`, `Ảnh minh họa`, `Nguồn ảnh`)
    ///    and has at most 80 words.
    /// 3. **Paragraph**: the line ends with `.`, `!`, `?`, `…`, `;` or `:` (closing quotes and brackets
    ///    ignored), has more than ``maxCaptionWords`` words, or starts with a lowercase letter.
    /// 4. **Caption by shape**: no final punctuation and either a trailing no-break space in the source
    ///    (how the scraper wrote figure captions), more than ``maxHeadingWords`` words, or photo
    ///    vocabulary (`Quang cảnh …`, `Toàn cảnh …`, `… chụp ảnh lưu niệm`, `… trao quà …`; see
    ///    ``photoOpenings`` and ``photoPhrases``).
    /// 5. **Heading**: no final punctuation, at most ``maxHeadingWords`` words, and the next line that is
    ///    not a caption is a paragraph (so a heading always has text under it).
    /// 6. **Caption** otherwise: a short line without punctuation that nothing follows, or that follows
    ///    a heading directly.
    func parseBody(_ lines: ArraySlice<SourceLine>, into state: inout ParseState) {
        var current = Article.Section()
        let body = Array(
            lines.filter { line in
                if SiteJunk.isJunk(line.text) {
                    state.note(line, "removed site junk “\(line.text)”")
                    return false
                }
                return true
            }
        )
        let kinds = body.map(Self.shapeKind)
        var resolved = kinds
        for index in resolved.indices where resolved[index] == .shortUnpunctuated {
            let next = body.indices.dropFirst(index + 1).first { kinds[$0] != .caption }
            resolved[index] = next.map { kinds[$0] == .paragraph } == true ? .heading : .caption
        }
        // Exact capacities for the arrays the article keeps (appending one by one leaves them up to
        // half empty, which adds up over a corpus): paragraphs under each heading, sections, captions.
        var paragraphsAhead = [Int](repeating: 0, count: resolved.count + 1)
        for index in resolved.indices.reversed() {
            paragraphsAhead[index] =
                resolved[index] == .heading ? 0 : paragraphsAhead[index + 1] + (resolved[index] == .paragraph ? 1 : 0)
        }
        let sections = resolved.count { $0 == .heading } + (paragraphsAhead[0] > 0 ? 1 : 0)
        state.article.sections.reserveCapacity(state.article.sections.count + sections)
        state.article.captions.reserveCapacity(state.article.captions.count + resolved.count { $0 == .caption })
        current.paragraphs.reserveCapacity(paragraphsAhead[0])
        for (index, line) in body.enumerated() {
            switch resolved[index] {
            case .paragraph:
                current.paragraphs.append(String(line.text))
                state.note(line, "paragraph")
            case .heading:
                if !current.heading.isEmpty || !current.paragraphs.isEmpty {
                    state.article.sections.append(current)
                }
                current = Article.Section(heading: LineShape.collapsingSpaces(line.text))
                current.paragraphs.reserveCapacity(paragraphsAhead[index + 1])
                state.note(line, "heading (short, no final punctuation, a paragraph follows)")
            case .caption, .shortUnpunctuated:
                state.article.captions.append(LineShape.collapsingSpaces(line.text))
                state.note(line, "caption (\(Self.captionReason(line, kind: kinds[index])))")
            }
        }
        if !current.heading.isEmpty || !current.paragraphs.isEmpty {
            state.article.sections.append(current)
        }
    }

    enum LineKind {
        case paragraph
        case heading
        case caption
        case shortUnpunctuated
    }

    static func shapeKind(_ line: SourceLine) -> LineKind {
        // Only compared with 80, 60 and 12 below.
        let words = LineShape.wordCount(line.text, upTo: 80)
        if words <= 80, hasPhotoMarker(line.text) { return .caption }
        if LineShape.endsWithTerminalPunctuation(line.text) || words > maxCaptionWords { return .paragraph }
        if !LineShape.startsWithCapitalOrDigit(line.text) { return .paragraph }
        if line.hadTrailingNoBreakSpace || words > maxHeadingWords || hasPhotoVocabulary(line.text) {
            return .caption
        }
        return .shortUnpunctuated
    }

    /// Openings and phrases that describe a photo rather than title a section.
    static let photoOpenings = ["Quang cảnh", "Toàn cảnh", "Cảnh ", "Hình ảnh", "Các đại biểu", "Đại biểu "]
    static let photoPhrases = [
        "chụp ảnh", "lưu niệm", "phát biểu tại", "phát biểu chỉ đạo", "trao quà", "trao tặng", "tặng quà",
        "cắt băng", "trao giấy", "trao bằng", "trao cờ", "bấm nút",
    ]

    static func hasPhotoVocabulary(_ text: Substring) -> Bool {
        photoOpenings.contains(where: { text.utf8HasPrefix($0) })
            || photoPhrases.contains(where: { text.utf8Contains($0) })
    }

    static let photoMarkerOpenings = ["Ảnh:", "Ảnh :", "(Ảnh", "Ảnh minh"]
    static let photoMarkers = ["(Ảnh", "Ảnh:", "ảnh minh họa", "Ảnh minh họa", "Nguồn ảnh", "(ảnh"]

    static func hasPhotoMarker(_ text: Substring) -> Bool {
        if photoMarkerOpenings.contains(where: { text.utf8HasPrefix($0) }) { return true }
        let tail = text.utf8.count > 64 ? text[text.utf8.index(text.utf8.endIndex, offsetBy: -64)...] : text
        return photoMarkers.contains { tail.utf8Contains($0) }
    }

    static func captionReason(_ line: SourceLine, kind: LineKind) -> String {
        switch kind {
        case .caption where hasPhotoMarker(line.text): return "names a photo"
        case .caption where line.hadTrailingNoBreakSpace: return "no final punctuation, trailing no-break space"
        case .caption where hasPhotoVocabulary(line.text): return "no final punctuation, photo vocabulary"
        case .caption: return "no final punctuation, longer than a heading"
        default: return "short, no final punctuation, no paragraph follows"
        }
    }
}
