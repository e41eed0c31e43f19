import CorpusClient
import CorpusProtocol

/// Finds arguments the user did not give by asking the server, so that
/// `corpus bench --rpc mixed` works out of the box:
///
/// - article ids: `ListArticles` (up to ``maxArticles``);
/// - entity names: the entities of up to ``maxArticlesForNames`` of those articles (`GetArticle`);
/// - queries: the first words of the titles, plus ``ArgumentPool/fixedQueries``.
enum WorkloadDiscovery {
    static let maxArticles = 1000
    static let maxArticlesForNames = 20
    static let maxNames = 200
    static let maxTitleQueries = 50

    /// Fills the arguments `mix` needs and `pool` lacks.
    ///
    /// - Throws: ``CorpusProtocol/CorpusError`` when the server fails, or `NOT_FOUND` when it
    ///   has no articles (or no entities) to draw from.
    static func complete(
        _ pool: inout ArgumentPool,
        for mix: CallMix,
        client: CorpusClient,
        options: CallOptions
    ) async throws {
        let missing = Set(pool.missing(for: mix))
        guard !missing.isEmpty else { return }

        var filter = Corpus_V1_ListArticlesRequest()
        filter.limit = UInt32(maxArticles)
        var summaries: [Corpus_V1_ArticleSummary] = []
        for try await summary in client.articles(filter: filter, options: options) {
            summaries.append(summary)
        }
        guard !summaries.isEmpty else {
            throw CorpusError(
                code: .notFound,
                message: "the server has no articles to draw arguments from; give --ids-from, --names-from or --query"
            )
        }
        if missing.contains(.get) {
            pool.ids = summaries.map(\.id)
            pool.sources["ids"] = "discovered"
        }
        if missing.contains(.search) {
            pool.queries = queries(fromTitles: summaries.map(\.title))
            pool.sources["queries"] = "discovered"
        }
        if missing.contains(.entity) || missing.contains(.suggest) {
            var seen = Set<String>()
            for summary in summaries.prefix(maxArticlesForNames) {
                let article = try await client.article(id: summary.id, options: options)
                for entity in article.entities where seen.insert(entity.name).inserted {
                    pool.names.append(entity.name)
                }
                if pool.names.count >= maxNames { break }
            }
            guard !pool.names.isEmpty else {
                throw CorpusError(
                    code: .notFound,
                    message: "found no entity names in the server's articles; give --names-from or --name"
                )
            }
            pool.sources["names"] = "discovered"
        }
    }

    /// The first three words of each title (a realistic short query), without repeats, then the
    /// fixed queries.
    static func queries(fromTitles titles: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for title in titles {
            let words = title.split(whereSeparator: { $0 == " " || $0.isPunctuation }).prefix(3)
            guard words.count >= 2 else { continue }
            let query = words.joined(separator: " ")
            if seen.insert(query).inserted { result.append(query) }
            if result.count >= maxTitleQueries { break }
        }
        for query in ArgumentPool.fixedQueries where seen.insert(query).inserted {
            result.append(query)
        }
        return result
    }
}
