public import CorpusEngine
public import CorpusProtocol
internal import Synchronization

/// Entity lookups and suggestions over a corpus, answered with wire messages: the logic of the
/// `LookupEntity` and `SuggestEntities` RPCs, shared with the CLI's local mode.
public enum EntityQueries {
    /// Looks an entity up by id, name or alias (exact first, then accent-insensitive).
    ///
    /// - Parameter cache: Remembers each entity's articles and related entities (they never
    ///   change), so that a popular entity costs its co-occurrence count only once.
    /// - Throws: ``CorpusProtocol/CorpusError`` `INVALID_ARGUMENT` for an empty name, `NOT_FOUND`
    ///   when nothing matches.
    public static func lookup(
        _ request: Corpus_V1_LookupEntityRequest,
        in corpus: Corpus,
        cache: EntityDetailsCache? = nil
    ) throws -> Corpus_V1_LookupEntityResponse {
        let name = request.name.trimmingSpaces
        guard !name.isEmpty else {
            throw CorpusError(code: .invalidArgument, message: "the entity name is empty")
        }
        let matches = corpus.findEntities(named: name, kind: request.kind.engineKind)
        guard let best = matches.first else {
            let kind = request.kind.engineKind.map { " of kind \(Corpus_V1_EntityKind($0).protoName)" } ?? ""
            throw CorpusError(code: .notFound, message: "no entity named \"\(name)\"\(kind)")
        }
        let maxArticles = request.maxArticles == 0 ? 50 : Int(request.maxArticles)
        let maxRelated = request.maxRelated == 0 ? 20 : Int(request.maxRelated)
        let compute = { details(of: best.entityIndex, in: corpus, maxArticles: maxArticles, maxRelated: maxRelated) }
        var response =
            cache?.response(
                entityIndex: best.entityIndex,
                maxArticles: maxArticles,
                maxRelated: maxRelated,
                compute: compute
            )
            ?? compute()
        response.alternatives = matches.dropFirst().filter { $0.quality == best.quality }.prefix(10).map {
            Corpus_V1_Entity(corpus.entities[$0.entityIndex])
        }
        return response
    }

    /// The entity with its top articles and related entities (what ``lookup(_:in:cache:)`` caches).
    static func details(
        of entityIndex: Int,
        in corpus: Corpus,
        maxArticles: Int,
        maxRelated: Int
    ) -> Corpus_V1_LookupEntityResponse {
        var response = Corpus_V1_LookupEntityResponse()
        response.entity = Corpus_V1_Entity(corpus.entities[entityIndex])
        response.articles = corpus.articles(mentioning: entityIndex, limit: maxArticles).map { entry in
            var reference = Corpus_V1_EntityArticle()
            reference.articleID = entry.article.id
            reference.title = entry.article.title
            reference.publishedAt = entry.article.publishedAt?.rfc3339 ?? ""
            reference.mentionCount = UInt32(clamping: entry.mentionCount)
            return reference
        }
        response.related = corpus.relatedEntities(to: entityIndex, limit: maxRelated).map { entry in
            var related = Corpus_V1_RelatedEntity()
            related.entity = Corpus_V1_Entity(entry.entity)
            related.sharedArticles = UInt32(clamping: entry.sharedArticles)
            return related
        }
        return response
    }

    /// Entities whose names start with the prefix, most mentioned first.
    ///
    /// - Throws: ``CorpusProtocol/CorpusError`` `INVALID_ARGUMENT` for an empty prefix.
    public static func suggest(
        _ request: Corpus_V1_SuggestEntitiesRequest,
        in corpus: Corpus
    ) throws
        -> Corpus_V1_SuggestEntitiesResponse
    {
        let prefix = request.prefix.trimmingSpaces
        guard !prefix.isEmpty else {
            throw CorpusError(code: .invalidArgument, message: "the prefix is empty")
        }
        let limit = request.limit == 0 ? 10 : min(Int(request.limit), 1000)
        var response = Corpus_V1_SuggestEntitiesResponse()
        response.entities = corpus.suggestEntities(prefix: prefix, kind: request.kind.engineKind, limit: limit)
            .map(Corpus_V1_Entity.init)
        return response
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// Remembers `LookupEntity` details per entity and limits; bounded, thread-safe.
public final class EntityDetailsCache: Sendable {
    private struct Key: Hashable {
        let entityIndex: Int
        let maxArticles: Int
        let maxRelated: Int
    }

    private let entries = Mutex<[Key: Corpus_V1_LookupEntityResponse]>([:])
    private let capacity: Int

    /// Creates a cache holding at most `capacity` responses (then it stops adding).
    public init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    func response(
        entityIndex: Int,
        maxArticles: Int,
        maxRelated: Int,
        compute: () -> Corpus_V1_LookupEntityResponse
    ) -> Corpus_V1_LookupEntityResponse {
        let key = Key(entityIndex: entityIndex, maxArticles: maxArticles, maxRelated: maxRelated)
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let computed = compute()
        entries.withLock { entries in
            if entries.count < capacity { entries[key] = computed }
        }
        return computed
    }
}
