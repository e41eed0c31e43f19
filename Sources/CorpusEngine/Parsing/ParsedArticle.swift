/// The result of parsing one file: the article and, when asked for, how each line was classified.
public struct ParsedArticle: Sendable, Hashable {
    /// The article.
    public var article: Article
    /// One note per decision when the parser runs with ``ArticleParser/Options/explain`` (for example
    /// `line 9: heading (short, no final punctuation, a paragraph follows)`), and notes about site junk
    /// that was removed. Empty otherwise.
    public var notes: [String]

    /// Creates a parse result.
    public init(article: Article, notes: [String] = []) {
        self.article = article
        self.notes = notes
    }
}
