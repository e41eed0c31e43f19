extension IndexDocument {
    /// The searchable view of a parsed article (its strings are shared, not copied).
    public init(article: Article) {
        var headings: [String] = []
        var paragraphs: [String] = []
        for section in article.sections {
            if !section.heading.isEmpty { headings.append(section.heading) }
            paragraphs.append(contentsOf: section.paragraphs)
        }
        self.init(
            id: article.id,
            title: article.title,
            lead: article.lead,
            headings: headings,
            captions: article.captions,
            paragraphs: paragraphs,
            author: article.author,
            publishedAt: article.publishedAt?.secondsSince1970,
            publishedAtText: article.publishedAt?.rfc3339 ?? ""
        )
    }
}

extension SearchIndex {
    /// Builds the index over parsed articles (both cores), with optional entities for `entity:` and
    /// `kind:` filters.
    public convenience init(
        articles: [Article],
        entities: [IndexEntity] = [],
        configuration: Configuration = .defaults
    ) async {
        await self.init(
            documents: articles.map(IndexDocument.init(article:)),
            entities: entities,
            configuration: configuration
        )
    }
}
