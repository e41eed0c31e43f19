/// Parses scraped Vietnamese news articles in the format of `seeds/*.txt` and its variants.
///
/// The file is decoded (UTF-8, a BOM is dropped), converted to NFC, split into lines (`\n`, `\r\n` or
/// `\r`) and trimmed (also of U+00A0). Blank lines only separate. Then, with explainable rules:
///
/// **Header** (top of the file, in this order, each optional):
/// 1. `# key = value` lines: metadata. `url` fills ``Article/url``; `date` is used when the body has
///    no date line; `title` when the file has no title line.
/// 2. The title: the first line, if it is not a date or lead line, is at most 300 characters, and
///    either does not end with `.` or is directly followed by the date or lead line.
/// 3. The date line: a short line with `dd/MM/yyyy` and optionally `HH:mm` (Vietnam time, UTC+7).
/// 4. The lead: a line that starts with a dash (`-`, `–`, `—`, in the seed wrapped in U+00A0); the
///    dash is dropped.
///
/// **Footer** (the last lines, up to three): credit lines (`Theo …`, `(Theo …)`, `Nguồn: …`) and the
/// byline: at most eight words without digits or final punctuation, either all in capitals
/// (`HỮU HUYNH` → `Hữu Huynh`) or every word capitalized (`Hữu Huynh`), with an optional agency in
/// parentheses (`THANH TIẾN (TTXVN)` → author `Thanh Tiến`, source `TTXVN`) and an optional
/// `Bài, ảnh:`-style prefix. When the body is a single line, a trailing run of capitalized words after
/// the last sentence is taken as the byline.
///
/// **Site junk** anywhere (font-size buttons `A A`, `In bài`, `Chia sẻ`, `Facebook`, …; see
/// `SiteJunk`) is removed and noted. Nothing else is dropped: every other line becomes a heading, a
/// caption or a paragraph (see ``ArticleParser`` body rules in `ArticleParser+Body.swift`).
public struct ArticleParser: Sendable {
    /// Parser options.
    public struct Options: Sendable, Hashable {
        /// Record a note for every classification decision (for `corpus parse`); off when loading.
        public var explain: Bool

        /// Creates options.
        public init(explain: Bool = false) {
            self.explain = explain
        }

        /// No explanations.
        public static var defaults: Options { Options() }
    }

    /// The options in use.
    public var options: Options

    /// Creates a parser.
    public init(options: Options = .defaults) {
        self.options = options
    }

    /// Parses the bytes of one file.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - id: The article id (the file name without extension).
    ///   - path: The path, used in errors.
    /// - Throws: ``ArticleParseError`` when the bytes are empty or not UTF-8.
    public func parse(
        bytes: some Collection<UInt8>,
        id: String,
        path: String
    ) throws(ArticleParseError) -> ParsedArticle {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw ArticleParseError(path: path, reason: .notUTF8)
        }
        return try parse(text: text, id: id, path: path)
    }

    /// Parses the text of one file.
    ///
    /// - Throws: ``ArticleParseError`` with reason `.empty` when the text has no non-blank line.
    public func parse(text: String, id: String, path: String? = nil) throws(ArticleParseError) -> ParsedArticle {
        var source = VietnameseText.nfc(text)
        if source.utf8.first == 0xEF, source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        let lines = SourceLine.lines(of: source)
        guard !lines.isEmpty else { throw ArticleParseError(path: path ?? id, reason: .empty) }
        var state = ParseState(article: Article(id: id), explain: options.explain)
        var rest = lines[...]
        parseHeader(&rest, into: &state)
        parseFooter(&rest, into: &state)
        parseBody(rest, into: &state)
        let notes = state.notes.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        return ParsedArticle(article: state.article, notes: notes.map(\.element.text))
    }
}

/// The article under construction and the notes of one parse.
struct ParseState {
    var article: Article
    var explain: Bool
    var notes: [(line: Int, text: String)] = []
    var headerDate: PublishedTime?
    var headerTitle: String?

    mutating func note(_ line: SourceLine, _ message: @autoclosure () -> String) {
        if explain { notes.append((line.number, "line \(line.number): \(message())")) }
    }
}

extension ArticleParser {
    func parseHeader(_ lines: inout ArraySlice<SourceLine>, into state: inout ParseState) {
        while let line = lines.first, let (key, value) = Self.metadataEntry(line.text) {
            lines.removeFirst()
            state.note(line, "metadata \(key)")
            if key == "url" {
                state.article.url = value
            } else {
                state.article.metadata.append(Article.MetadataEntry(key: key, value: value))
                if key == "date" { state.headerDate = DateLine.parseHeaderValue(value[...]) }
                if key == "title" { state.headerTitle = value }
            }
        }
        skipJunk(&lines, into: &state)
        if let line = lines.first, DateLine.parse(line.text) == nil, Self.leadText(line.text) == nil {
            let next = lines.dropFirst().first
            let nextIsHeader = next.map { DateLine.parse($0.text) != nil || Self.leadText($0.text) != nil } ?? false
            let count = line.text.unicodeScalars.count
            let endsWithPeriod = line.text.last == "."
            if count <= 300, !endsWithPeriod || (nextIsHeader && count <= 400) {
                state.article.title = LineShape.collapsingSpaces(line.text)
                state.note(line, "title (first line)")
                lines.removeFirst()
            }
        }
        skipJunk(&lines, into: &state)
        if let line = lines.first, let time = DateLine.parse(line.text) {
            state.article.publishedAt = time
            state.note(line, "date line \(time.rfc3339)")
            lines.removeFirst()
        }
        skipJunk(&lines, into: &state)
        if let line = lines.first, let lead = Self.leadText(line.text) {
            state.article.lead = String(lead)
            state.note(line, "lead (starts with a dash)")
            lines.removeFirst()
        }
        if state.article.publishedAt == nil { state.article.publishedAt = state.headerDate }
        if state.article.title.isEmpty, let title = state.headerTitle { state.article.title = title }
    }

    func skipJunk(_ lines: inout ArraySlice<SourceLine>, into state: inout ParseState) {
        while let line = lines.first, SiteJunk.isJunk(line.text) {
            state.note(line, "removed site junk “\(line.text)”")
            lines.removeFirst()
        }
    }

    /// `# key = value` or `# key: value`; the key is lowercased.
    static func metadataEntry(_ text: Substring) -> (String, String)? {
        guard text.first == "#" else { return nil }
        let body = text.dropFirst().drop(while: { $0 == " " })
        guard let separator = body.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let key = body[..<separator].trimmingSpaces
        guard !key.isEmpty, key.count <= 40,
            key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " })
        else { return nil }
        let value = body[body.index(after: separator)...].trimmingSpaces
        return (key.lowercased(), String(value))
    }

    /// The lead's text when the line starts with a dash followed by text.
    static func leadText(_ text: Substring) -> Substring? {
        guard let first = text.unicodeScalars.first, first == "-" || first == "\u{2013}" || first == "\u{2014}"
        else { return nil }
        let rest = text.unicodeScalars.dropFirst()
        guard let next = rest.first, next != "-", next != first else { return nil }
        let lead = Substring(rest).trimmingSpaces
        return lead.isEmpty ? nil : lead
    }
}

extension Substring {
    /// The substring without leading and trailing spaces, tabs and no-break spaces.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{A0}" || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[start...end]
    }
}
