/// An entity merged across the whole corpus.
public struct Entity: Sendable, Hashable, Identifiable {
    /// The stable id (``EntityKind/entityID(forName:)``), the same in every load.
    public let id: String
    /// The kind.
    public let kind: EntityKind
    /// The display name: the most frequent name over the corpus (ties: first in article-id order).
    public let name: String
    /// Every surface form seen, including abbreviations and the name itself.
    public let aliases: [String]
    /// Every role seen, in first-seen order.
    public let roles: [String]
    /// Mentions over the whole corpus.
    public let mentionCount: Int
    /// The articles mentioning the entity, in article order, with the mentions in each.
    public let occurrences: [Occurrence]

    /// Creates an entity.
    public init(
        id: String,
        kind: EntityKind,
        name: String,
        aliases: [String],
        roles: [String],
        mentionCount: Int,
        occurrences: [Occurrence]
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.mentionCount = mentionCount
        self.occurrences = occurrences
    }

    /// The number of articles mentioning the entity.
    public var articleCount: Int { occurrences.count }
}

extension Entity {
    /// The mentions of an entity in one article, stored compactly (eight bytes per mention).
    public struct Occurrence: Sendable, Hashable {
        /// The index of the article in ``Corpus/articles``.
        public let articleIndex: Int
        private let packed: [PackedMention]

        /// Creates an occurrence.
        public init(articleIndex: Int, mentions: [EntityMention]) {
            self.articleIndex = articleIndex
            self.packed = mentions.map(PackedMention.init)
        }

        /// The number of mentions in the article.
        public var mentionCount: Int { packed.count }

        /// The mentions: field ordinals and scalar offsets within the field.
        public var mentions: [EntityMention] { packed.map(\.mention) }
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
    /// The index of the entity in ``Corpus/entities``.
    public let entityIndex: Int
    /// Mentions in this article.
    public let mentionCount: Int
    /// Roles seen in this article.
    public let roles: [String]

    /// Creates an article entity.
    public init(entityIndex: Int, mentionCount: Int, roles: [String]) {
        self.entityIndex = entityIndex
        self.mentionCount = mentionCount
        self.roles = roles
    }
}
