public import CorpusEngine
public import CorpusProtocol

extension Corpus_V1_Article {
    /// The wire form of an article with the given entities (most mentioned first).
    ///
    /// Missing fields stay at their protobuf defaults, so the JSON form omits them.
    public init(_ article: Article, entities: [Corpus_V1_ArticleEntity] = []) {
        self.init()
        id = article.id
        title = article.title
        publishedAt = article.publishedAt?.rfc3339 ?? ""
        lead = article.lead
        sections = article.sections.map(Corpus_V1_Section.init)
        captions = article.captions
        author = article.author
        self.entities = entities
        source = article.source
        credits = article.credits
        url = article.url
        for entry in article.metadata { metadata[entry.key] = entry.value }
    }

    /// The wire form of the article at `index` of a corpus, with its merged entities.
    public init(articleAt index: Int, in corpus: Corpus) {
        let entities = corpus.articleEntities[index].map { Corpus_V1_ArticleEntity($0, in: corpus) }
        self.init(corpus.articles[index], entities: entities)
    }
}

extension Corpus_V1_Section {
    /// The wire form of a section.
    public init(_ section: Article.Section) {
        self.init()
        heading = section.heading
        paragraphs = section.paragraphs
    }
}

extension Corpus_V1_ArticleSummary {
    /// The short wire form of an article.
    public init(_ article: Article) {
        self.init()
        id = article.id
        title = article.title
        publishedAt = article.publishedAt?.rfc3339 ?? ""
        author = article.author
        lead = article.lead
    }
}
