extension SearchIndex: CorpusSearchIndex {
    /// Memory held by the index (postings, dictionaries, per-document tables), in bytes.
    public var indexByteCount: Int { self.statistics.memoryBytes }

    /// Builds the index over a loaded corpus: its articles, and its entities for `entity:` and
    /// `kind:` filters.
    ///
    /// Pass it to the loader so the corpus carries its index:
    ///
    ///     let loader = CorpusLoader(options: .init(makeSearchIndex: { await SearchIndex(corpus: $0) }))
    ///     let corpus = try await loader.load(directory: path).corpus
    ///     let index = corpus.searchIndex as? SearchIndex
    ///
    /// - Parameters:
    ///   - corpus: The loaded corpus.
    ///   - configuration: Ranking parameters.
    public convenience init(corpus: Corpus, configuration: Configuration = .defaults) async {
        let articles = corpus.articles
        let entities = corpus.entities.map { entity in
            var mentions: [String: Int] = [:]
            for occurrence in entity.occurrences where occurrence.articleIndex < articles.count {
                mentions[articles[occurrence.articleIndex].id] = occurrence.mentionCount
            }
            return IndexEntity(
                id: entity.id,
                name: entity.name,
                aliases: entity.aliases,
                kind: IndexEntity.Kind(entity.kind),
                mentions: mentions
            )
        }
        await self.init(articles: articles, entities: entities, configuration: configuration)
    }
}

extension IndexEntity.Kind {
    /// The search filter kind of an extracted entity kind.
    public init(_ kind: EntityKind) {
        switch kind {
        case .person: self = .person
        case .location: self = .location
        case .organization: self = .organization
        case .document: self = .document
        }
    }
}
