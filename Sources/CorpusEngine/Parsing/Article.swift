/// One parsed news article, the unit the corpus stores and the server sends.
///
/// Text fields are NFC. Missing text fields are empty strings, as in the wire message
/// (`corpus.v1.Article`), which keeps the mapping direct and the stored articles small.
public struct Article: Sendable, Hashable, Identifiable {
    /// The file name without its extension, for example `000_f9a3dc24e25b1244`.
    public var id: String
    /// The title line; empty when the article has none.
    public var title: String
    /// Publication time from the date line (or the `# date` header), in Vietnam time (UTC+7).
    public var publishedAt: PublishedTime?
    /// The lead (sapo) without its leading dash; empty when there is none.
    public var lead: String
    /// The body in reading order. Paragraphs before the first heading form a section whose heading is
    /// empty.
    public var sections: [Section]
    /// Image captions, in order.
    public var captions: [String]
    /// The author from the byline in title case (`HỮU HUYNH` → `Hữu Huynh`); empty when unknown.
    public var author: String
    /// The news agency named in the byline, for example `TTXVN` in `THANH TIẾN (TTXVN)`.
    public var source: String
    /// Credit lines such as `Theo Báo Nhân Dân`.
    public var credits: [String]
    /// The source URL from a `# url = …` header line.
    public var url: String
    /// The other `# key = value` header lines, in file order.
    public var metadata: [MetadataEntry]

    /// Creates an article.
    public init(
        id: String,
        title: String = "",
        publishedAt: PublishedTime? = nil,
        lead: String = "",
        sections: [Section] = [],
        captions: [String] = [],
        author: String = "",
        source: String = "",
        credits: [String] = [],
        url: String = "",
        metadata: [MetadataEntry] = []
    ) {
        self.id = id
        self.title = title
        self.publishedAt = publishedAt
        self.lead = lead
        self.sections = sections
        self.captions = captions
        self.author = author
        self.source = source
        self.credits = credits
        self.url = url
        self.metadata = metadata
    }
}

extension Article {
    /// A run of body paragraphs under one heading.
    public struct Section: Sendable, Hashable {
        /// The heading; empty for the paragraphs before the first heading.
        public var heading: String
        /// The paragraphs, in order.
        public var paragraphs: [String]

        /// Creates a section.
        public init(heading: String = "", paragraphs: [String] = []) {
            self.heading = heading
            self.paragraphs = paragraphs
        }
    }

    /// One `# key = value` header line.
    public struct MetadataEntry: Sendable, Hashable {
        /// The key, lowercased (`date`, `url`, …).
        public var key: String
        /// The value, trimmed.
        public var value: String

        /// Creates an entry.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The number of UTF-8 bytes of all text fields: the "raw text size" used in statistics.
    public var textByteCount: Int {
        var total = 0
        forEachField { _, text in total += text.utf8.count }
        return total
    }
}
