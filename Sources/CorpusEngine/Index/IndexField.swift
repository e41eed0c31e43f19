/// The searchable parts of an article, in the order their positions are laid out per document.
///
/// Positions run through the fields in this order with a gap between fields and between
/// paragraphs, so a phrase never matches across a boundary.
enum IndexField: Int, CaseIterable, Sendable {
    case title = 0
    case lead = 1
    case heading = 2
    case caption = 3
    case body = 4
    case author = 5

    /// Number of fields (vectors of per-field values use 8 lanes; the last two are unused).
    static let count = 6

    /// The fields that free-text terms search (all but the byline).
    static let textMask: UInt8 = 0b01_1111
}

/// One article as the index sees it: its id, date and the text of each field.
///
/// The strings are shared with the corpus (Swift strings are reference-counted), so keeping these
/// costs no copy of the text.
public struct IndexDocument: Sendable, Hashable {
    /// The article id.
    public var id: String
    /// The title.
    public var title: String
    /// The lead (sapo) paragraph.
    public var lead: String
    /// Section headings.
    public var headings: [String]
    /// Image captions.
    public var captions: [String]
    /// Body paragraphs, in reading order.
    public var paragraphs: [String]
    /// The byline author, empty if none.
    public var author: String
    /// Publication time in seconds since 1970 (UTC), if known.
    public var publishedAt: Int64?
    /// Publication time as RFC 3339 text with its offset (`2019-11-12T08:21:00+07:00`), or empty.
    public var publishedAtText: String

    /// Creates a document.
    public init(
        id: String,
        title: String,
        lead: String = "",
        headings: [String] = [],
        captions: [String] = [],
        paragraphs: [String] = [],
        author: String = "",
        publishedAt: Int64? = nil,
        publishedAtText: String = ""
    ) {
        self.id = id
        self.title = title
        self.lead = lead
        self.headings = headings
        self.captions = captions
        self.paragraphs = paragraphs
        self.author = author
        self.publishedAt = publishedAt
        self.publishedAtText = publishedAtText
    }

    /// Calls `body` with each text unit (field and paragraph) in position order.
    func forEachUnit(_ body: (IndexField, String) -> Void) {
        body(.title, self.title)
        body(.lead, self.lead)
        for heading in self.headings { body(.heading, heading) }
        for caption in self.captions { body(.caption, caption) }
        for paragraph in self.paragraphs { body(.body, paragraph) }
        body(.author, self.author)
    }

    /// Raw UTF-8 size of the searchable text.
    var textByteCount: Int {
        var total = 0
        self.forEachUnit { _, text in total += text.utf8.count }
        return total
    }
}
