public import CorpusEngine
public import CorpusProtocol

extension Corpus_V1_EntityKind {
    /// The wire enum for an engine entity kind.
    public init(_ kind: EntityKind) {
        switch kind {
        case .person: self = .person
        case .location: self = .location
        case .organization: self = .organization
        case .document: self = .document
        }
    }

    /// The engine kind, or `nil` for `ENTITY_KIND_UNSPECIFIED` and unknown values (meaning "any").
    public var engineKind: EntityKind? {
        switch self {
        case .person: return .person
        case .location: return .location
        case .organization: return .organization
        case .document: return .document
        default: return nil
        }
    }
}

extension Corpus_V1_ArticleEntity {
    /// The wire form of an entity found in one article (as `corpus parse` extracts it).
    public init(_ entity: ExtractedEntity) {
        self.init()
        id = entity.id
        name = entity.name
        kind = Corpus_V1_EntityKind(entity.kind)
        roles = entity.roles
        mentionCount = UInt32(clamping: entity.mentionCount)
    }

    /// The wire form of a corpus entity as it appears in one article.
    public init(_ reference: ArticleEntity, in corpus: Corpus) {
        self.init()
        let entity = corpus.entities[reference.entityIndex]
        id = entity.id
        name = entity.name
        kind = Corpus_V1_EntityKind(entity.kind)
        roles = reference.roles
        mentionCount = UInt32(clamping: reference.mentionCount)
    }
}

extension Corpus_V1_Entity {
    /// The wire form of a merged corpus entity.
    public init(_ entity: Entity) {
        self.init()
        id = entity.id
        name = entity.name
        kind = Corpus_V1_EntityKind(entity.kind)
        aliases = entity.aliases
        roles = entity.roles
        articleCount = UInt32(clamping: entity.articleCount)
        mentionCount = UInt32(clamping: entity.mentionCount)
    }
}
