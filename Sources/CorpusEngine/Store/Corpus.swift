/// An immutable, `Sendable` snapshot of the loaded corpus: articles, merged entities and lookups.
///
/// Articles are ordered by id; entities by id. Both orders are stable across loads of the same files.
public struct Corpus: Sendable {
    /// The articles, ordered by id.
    public let articles: [Article]
    /// The entities, ordered by id.
    public let entities: [Entity]
    /// For each article (same index as ``articles``), its entities, most mentioned first.
    public let articleEntities: ArticleEntityLists
    /// The search index attached by the loader, if any.
    public private(set) var searchIndex: (any CorpusSearchIndex)?

    let articleIndexByID: [String: Int]
    let entityIndexByID: [String: Int]
    /// Normalized keys (``VietnameseText/key(_:)``) of names and aliases → entity indexes.
    let entitiesByKey: [String: [Int]]
    /// Folded keys of names and aliases → entity indexes.
    let entitiesByFoldedKey: [String: [Int]]
    /// Folded keys of every word-start suffix of names and aliases, sorted, for prefix suggestions.
    let suggestionKeys: [SuggestionKey]

    struct SuggestionKey: Sendable {
        var folded: String
        var normalized: String
        var entityIndex: Int
    }

    /// An empty corpus.
    public init() {
        self.init(articles: [], extracted: [])
    }

    /// Builds a corpus from parsed articles and their extracted entities, merging entities by id.
    ///
    /// - Parameters:
    ///   - articles: The articles, in any order; they are sorted by id.
    ///   - extracted: For each article (same index), the entities found in it.
    public init(articles: [Article], extracted: [[ExtractedEntity]]) {
        self = CorpusBuilder(articles: articles, extracted: extracted).finish()
    }

    init(
        articles: [Article],
        entities: [Entity],
        articleEntities: ArticleEntityLists,
        articleIndexByID: [String: Int],
        entityIndexByID: [String: Int],
        entitiesByKey: [String: [Int]],
        entitiesByFoldedKey: [String: [Int]],
        suggestionKeys: [SuggestionKey]
    ) {
        self.articles = articles
        self.entities = entities
        self.articleEntities = articleEntities
        self.articleIndexByID = articleIndexByID
        self.entityIndexByID = entityIndexByID
        self.entitiesByKey = entitiesByKey
        self.entitiesByFoldedKey = entitiesByFoldedKey
        self.suggestionKeys = suggestionKeys
    }

    /// Returns a copy of the corpus with the search index attached.
    public func attaching(searchIndex: any CorpusSearchIndex) -> Corpus {
        var copy = self
        copy.searchIndex = searchIndex
        return copy
    }

    /// The article with the given id.
    public func article(id: String) -> Article? {
        articleIndexByID[id].map { articles[$0] }
    }

    /// The index in ``articles`` of the article with the given id.
    public func articleIndex(id: String) -> Int? { articleIndexByID[id] }

    /// The entity with the given id.
    public func entity(id: String) -> Entity? {
        entityIndexByID[id].map { entities[$0] }
    }

    /// The index in ``entities`` of the entity with the given id.
    public func entityIndex(id: String) -> Int? { entityIndexByID[id] }

    /// The number of entities of each kind.
    public var entityCountsByKind: [EntityKind: Int] {
        var counts: [EntityKind: Int] = [:]
        for entity in entities { counts[entity.kind, default: 0] += 1 }
        return counts
    }

    /// UTF-8 bytes of all article text fields.
    public var textByteCount: Int { articles.reduce(0) { $0 + $1.textByteCount } }
}
