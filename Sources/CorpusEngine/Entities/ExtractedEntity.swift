/// One place in an article where an entity is mentioned.
public struct EntityMention: Sendable, Hashable {
    /// The ordinal of the field in ``Article/forEachField(_:)`` order.
    public var field: Int
    /// Unicode-scalar offsets of the mention within that field's (NFC) text.
    public var scalarRange: Range<Int>

    /// Creates a mention.
    public init(field: Int, scalarRange: Range<Int>) {
        self.field = field
        self.scalarRange = scalarRange
    }
}

/// An entity as found in one article, before the corpus merges articles.
public struct ExtractedEntity: Sendable, Hashable {
    /// The stable id (``EntityKind/entityID(forName:)``).
    public var id: String
    /// The kind.
    public var kind: EntityKind
    /// The display name: the most frequent surface form in the article (long form for abbreviations,
    /// canonical tone placement).
    public var name: String
    /// Every distinct surface form seen in the article, including abbreviations and document codes.
    public var aliases: [String]
    /// Roles seen in the article (persons), for example `Bí thư Huyện ủy An Phú`.
    public var roles: [String]
    /// The mentions in reading order.
    public var mentions: [EntityMention]

    /// Creates an extracted entity.
    public init(
        id: String,
        kind: EntityKind,
        name: String,
        aliases: [String],
        roles: [String],
        mentions: [EntityMention]
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.mentions = mentions
    }

    /// The number of mentions in the article.
    public var mentionCount: Int { mentions.count }
}
