public import CorpusEngine

extension CorpusLoader.Options {
    /// The default options, with the full-text search index built at load time (what the server
    /// needs for `Search`).
    public static var searchIndexed: CorpusLoader.Options {
        CorpusLoader.Options(makeSearchIndex: { corpus in await SearchIndex(corpus: corpus) })
    }
}
