public import CorpusProtocol
public import CorpusTransport

/// Typed calls of the `corpus.v1` methods (`PROTOCOL.md` § 9).
extension CorpusClient {
    /// Fetches one article.
    ///
    /// - Throws: ``CorpusProtocol/CorpusError`` `NOT_FOUND` for an unknown id.
    public func article(id: String, options: CallOptions = .defaults) async throws -> Corpus_V1_Article {
        var request = Corpus_V1_GetArticleRequest()
        request.id = id
        return try await unary(CorpusMethods.getArticle, request, options: options)
    }

    /// Streams article summaries matching `filter` (dates, author, entity, limit, resume point).
    public func articles(
        filter: Corpus_V1_ListArticlesRequest = Corpus_V1_ListArticlesRequest(),
        options: CallOptions = .defaults
    ) -> ResponseStream<Corpus_V1_ArticleSummary> {
        serverStreaming(CorpusMethods.listArticles, filter, options: options)
    }

    /// Looks up one entity (by id, name or alias; accent-insensitive) with the articles that
    /// mention it and its co-occurring entities.
    ///
    /// - Throws: ``CorpusProtocol/CorpusError`` `NOT_FOUND` when nothing matches.
    public func entity(
        named name: String,
        kind: Corpus_V1_EntityKind = .unspecified,
        options: CallOptions = .defaults
    ) async throws -> Corpus_V1_LookupEntityResponse {
        var request = Corpus_V1_LookupEntityRequest()
        request.name = name
        request.kind = kind
        return try await unary(CorpusMethods.lookupEntity, request, options: options)
    }

    /// Entity names starting with `prefix` (with or without diacritics), most mentioned first.
    public func suggestEntities(
        prefix: String,
        kind: Corpus_V1_EntityKind = .unspecified,
        limit: Int = 10,
        options: CallOptions = .defaults
    ) async throws -> [Corpus_V1_Entity] {
        var request = Corpus_V1_SuggestEntitiesRequest()
        request.prefix = prefix
        request.kind = kind
        request.limit = UInt32(clamping: limit)
        return try await unary(CorpusMethods.suggestEntities, request, options: options).entities
    }

    /// Searches the corpus; hits stream in rank order. The summary (total matches, server time)
    /// is available from the returned stream once iteration ends.
    ///
    /// - Parameters:
    ///   - query: The query (terms, `"phrases"`, `OR`, `-exclusion`, `title:`, `author:`,
    ///     `entity:`, `kind:`, `after:`, `before:`).
    ///   - limit: At most this many hits; 0 for all.
    ///   - cursor: Resume after the hit that carried this cursor.
    public func search(
        _ query: String,
        limit: Int = 0,
        cursor: String? = nil,
        options: CallOptions = .defaults
    ) -> SearchStream {
        var request = Corpus_V1_SearchRequest()
        request.query = query
        request.limit = UInt32(clamping: limit)
        request.cursor = cursor ?? ""
        return SearchStream(responses: serverStreaming(CorpusMethods.search, request, options: options))
    }

    /// Corpus and server statistics.
    public func stats(options: CallOptions = .defaults) async throws -> Corpus_V1_StatsResponse {
        try await unary(CorpusMethods.stats, Corpus_V1_StatsRequest(), options: options)
    }

    /// The server's health (or one service's, by name).
    public func health(
        service: String = "",
        options: CallOptions = .defaults
    ) async throws -> Corpus_V1_HealthCheckResponse.ServingStatus {
        var request = Corpus_V1_HealthCheckRequest()
        request.service = service
        return try await unary(CorpusMethods.healthCheck, request, options: options).status
    }

    /// The methods the server offers.
    public func methods(options: CallOptions = .defaults) async throws -> Corpus_V1_ListMethodsResponse {
        try await unary(CorpusMethods.listMethods, Corpus_V1_ListMethodsRequest(), options: options)
    }
}
