/// An entity merged across the whole corpus.
public struct Entity: Sendable, Hashable, Identifiable {
    /// The stable id (``EntityKind/entityID(forName:)``), the same in every load.
    public let id: String
    /// The kind.
    public let kind: EntityKind
    /// The display name: the most frequent name over the corpus (ties: the first seen, in file-path order).
    public let name: String
    /// Every surface form seen, including abbreviations and the name itself.
    public let aliases: [String]
    /// Every role seen, in first-seen order.
    public let roles: [String]
    /// Mentions over the whole corpus.
    public let mentionCount: Int
    /// The articles mentioning the entity, in article order, with their mention counts.
    public let occurrences: [Occurrence]
    /// Every mention, grouped by occurrence (eight bytes each).
    let mentionStore: [PackedMention]

    init(
        id: String,
        kind: EntityKind,
        name: String,
        aliases: [String],
        roles: [String],
        mentionCount: Int,
        occurrences: [Occurrence],
        mentionStore: [PackedMention]
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.mentionCount = mentionCount
        self.occurrences = occurrences
        self.mentionStore = mentionStore
    }

    /// Creates an entity from its occurrences and their mentions.
    public init(
        id: String,
        kind: EntityKind,
        name: String,
        aliases: [String],
        roles: [String],
        occurrences: [(articleIndex: Int, mentions: [EntityMention])]
    ) {
        var store: [PackedMention] = []
        var compact: [Occurrence] = []
        for occurrence in occurrences {
            compact.append(
                Occurrence(
                    articleIndex: occurrence.articleIndex,
                    mentionStart: store.count,
                    mentionCount: occurrence.mentions.count
                )
            )
            store += occurrence.mentions.map(PackedMention.init)
        }
        self.init(
            id: id,
            kind: kind,
            name: name,
            aliases: aliases,
            roles: roles,
            mentionCount: store.count,
            occurrences: compact,
            mentionStore: store
        )
    }

    /// The number of articles mentioning the entity.
    public var articleCount: Int { occurrences.count }

    /// The mentions of one occurrence: field ordinals and scalar offsets within the field.
    public func mentions(in occurrence: Occurrence) -> [EntityMention] {
        mentionStore[occurrence.mentionRange].map(\.mention)
    }
}

extension Entity {
    /// The articles an entity is mentioned in: twelve bytes per article.
    public struct Occurrence: Sendable, Hashable {
        private let article: Int32
        private let start: UInt32
        private let count: UInt32

        init(articleIndex: Int, mentionStart: Int, mentionCount: Int) {
            article = Int32(clamping: articleIndex)
            start = UInt32(clamping: mentionStart)
            count = UInt32(clamping: mentionCount)
        }

        /// The index of the article in ``Corpus/articles``.
        public var articleIndex: Int { Int(article) }

        /// The number of mentions in the article.
        public var mentionCount: Int { Int(count) }

        var mentionRange: Range<Int> { Int(start)..<(Int(start) + Int(count)) }
    }

    struct PackedMention: Sendable, Hashable {
        var field: UInt16
        var length: UInt16
        var start: UInt32

        init(_ mention: EntityMention) {
            field = UInt16(clamping: mention.field)
            start = UInt32(clamping: mention.scalarRange.lowerBound)
            length = UInt16(clamping: mention.scalarRange.count)
        }

        var mention: EntityMention {
            EntityMention(field: Int(field), scalarRange: Int(start)..<(Int(start) + Int(length)))
        }
    }
}

/// An entity as it appears in one article (the wire's `ArticleEntity`).
public struct ArticleEntity: Sendable, Hashable {
    private let entity: Int32
    private let count: Int32
    /// Roles seen in this article.
    public let roles: [String]

    /// Creates an article entity.
    public init(entityIndex: Int, mentionCount: Int, roles: [String]) {
        self.entity = Int32(clamping: entityIndex)
        self.count = Int32(clamping: mentionCount)
        self.roles = roles
    }

    /// The index of the entity in ``Corpus/entities``.
    public var entityIndex: Int { Int(entity) }

    /// Mentions in this article.
    public var mentionCount: Int { Int(count) }
}

/// The entities of every article, most mentioned first, in one flat array: `lists[i]` is the slice of
/// article `i`.
public struct ArticleEntityLists: Sendable, RandomAccessCollection {
    private let items: [ArticleEntity]
    private let starts: [Int32]

    init(items: [ArticleEntity], starts: [Int32]) {
        self.items = items
        self.starts = starts
    }

    /// Lists for articles with no entities.
    init(articleCount: Int) {
        self.init(items: [], starts: Array(repeating: 0, count: articleCount + 1))
    }

    /// The first article index (0).
    public var startIndex: Int { 0 }

    /// The number of articles.
    public var endIndex: Int { starts.count - 1 }

    /// The entities of article `index`.
    public subscript(index: Int) -> ArraySlice<ArticleEntity> {
        items[Int(starts[index])..<Int(starts[index + 1])]
    }
}
