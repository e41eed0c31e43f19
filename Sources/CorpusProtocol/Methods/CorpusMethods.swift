/// The methods of the `corpus.v1` services (`PROTOCOL.md` § 9), with their request and response
/// types.
public enum CorpusMethods {
    public static let getArticle = RPCMethod<Corpus_V1_GetArticleRequest, Corpus_V1_Article>(
        service: "corpus.v1.Corpus",
        method: "GetArticle",
        kind: .unary,
        summary: "Fetch one article by id."
    )
    public static let listArticles = RPCMethod<Corpus_V1_ListArticlesRequest, Corpus_V1_ArticleSummary>(
        service: "corpus.v1.Corpus",
        method: "ListArticles",
        kind: .serverStreaming,
        summary: "Stream article summaries, filtered by date, author or entity."
    )
    public static let lookupEntity = RPCMethod<Corpus_V1_LookupEntityRequest, Corpus_V1_LookupEntityResponse>(
        service: "corpus.v1.Corpus",
        method: "LookupEntity",
        kind: .unary,
        summary: "One entity with the articles that mention it and its co-occurring entities."
    )
    public static let suggestEntities = RPCMethod<Corpus_V1_SuggestEntitiesRequest, Corpus_V1_SuggestEntitiesResponse>(
        service: "corpus.v1.Corpus",
        method: "SuggestEntities",
        kind: .unary,
        summary: "Entity names starting with a prefix, most mentioned first."
    )
    public static let search = RPCMethod<Corpus_V1_SearchRequest, Corpus_V1_SearchResponse>(
        service: "corpus.v1.Corpus",
        method: "Search",
        kind: .serverStreaming,
        summary: "Ranked full-text search: hits in score order, then a summary."
    )
    public static let stats = RPCMethod<Corpus_V1_StatsRequest, Corpus_V1_StatsResponse>(
        service: "corpus.v1.Corpus",
        method: "Stats",
        kind: .unary,
        summary: "Corpus and server statistics."
    )
    public static let healthCheck = RPCMethod<Corpus_V1_HealthCheckRequest, Corpus_V1_HealthCheckResponse>(
        service: "corpus.v1.Health",
        method: "Check",
        kind: .unary,
        summary: "Whether the server (or one service) is serving."
    )
    public static let listMethods = RPCMethod<Corpus_V1_ListMethodsRequest, Corpus_V1_ListMethodsResponse>(
        service: "corpus.v1.ServerInfo",
        method: "ListMethods",
        kind: .unary,
        summary: "The methods this server offers."
    )

    /// Every method, in the order of `PROTOCOL.md` § 9.
    public static let all: [MethodDescriptor] = [
        getArticle.descriptor, listArticles.descriptor, lookupEntity.descriptor, suggestEntities.descriptor,
        search.descriptor, stats.descriptor, healthCheck.descriptor, listMethods.descriptor,
    ]
}
