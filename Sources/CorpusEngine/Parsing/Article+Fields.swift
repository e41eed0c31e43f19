extension Article {
    /// The kind of a text field of an article.
    public enum FieldKind: UInt8, Sendable, Hashable, CaseIterable {
        /// The title.
        case title
        /// The lead.
        case lead
        /// A section heading.
        case heading
        /// A body paragraph.
        case paragraph
        /// An image caption.
        case caption
    }

    /// One text field in reading order, as enumerated by ``forEachField(_:)``.
    ///
    /// Entity mentions and (later) search postings refer to fields by ``ordinal``, the field's index in
    /// that enumeration; empty fields (a missing title, the empty heading of the first section) are
    /// skipped and take no ordinal.
    public struct Field: Sendable, Hashable {
        /// The index of the field in reading order.
        public var ordinal: Int
        /// What the field is.
        public var kind: FieldKind
        /// The section of a heading or paragraph (0 otherwise).
        public var section: Int
        /// The index of a paragraph within its section or of a caption among the captions (0 otherwise).
        public var index: Int

        /// Creates a field reference.
        public init(ordinal: Int, kind: FieldKind, section: Int = 0, index: Int = 0) {
            self.ordinal = ordinal
            self.kind = kind
            self.section = section
            self.index = index
        }
    }

    /// Calls `body` with every non-empty text field in reading order: title, lead, then each section's
    /// heading and paragraphs, then the captions.
    public func forEachField(_ body: (Field, String) throws -> Void) rethrows {
        var ordinal = 0
        func visit(_ kind: FieldKind, _ section: Int, _ index: Int, _ text: String) throws {
            guard !text.isEmpty else { return }
            try body(Field(ordinal: ordinal, kind: kind, section: section, index: index), text)
            ordinal += 1
        }
        try visit(.title, 0, 0, title)
        try visit(.lead, 0, 0, lead)
        for (sectionIndex, section) in sections.enumerated() {
            try visit(.heading, sectionIndex, 0, section.heading)
            for (paragraphIndex, paragraph) in section.paragraphs.enumerated() {
                try visit(.paragraph, sectionIndex, paragraphIndex, paragraph)
            }
        }
        for (captionIndex, caption) in captions.enumerated() {
            try visit(.caption, 0, captionIndex, caption)
        }
    }

    /// The text of the field with the given ordinal, or `nil` if there is none.
    public func text(ofField ordinal: Int) -> String? {
        var found: String?
        forEachField { field, text in
            if field.ordinal == ordinal { found = text }
        }
        return found
    }
}
