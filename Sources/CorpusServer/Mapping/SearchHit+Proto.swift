public import CorpusEngine
public import CorpusProtocol

extension Corpus_V1_SearchHit {
    /// The wire form of a search hit.
    public init(_ hit: SearchHit) {
        self.init()
        articleID = hit.articleID
        title = hit.title
        publishedAt = hit.publishedAt
        score = hit.score
        rank = UInt32(clamping: hit.rank)
        cursor = hit.cursor.encoded
        var snippet = Corpus_V1_Snippet()
        snippet.text = hit.snippet.text
        snippet.highlights = hit.snippet.highlights.map { highlight in
            var wire = Corpus_V1_Highlight()
            wire.start = UInt32(clamping: highlight.start)
            wire.end = UInt32(clamping: highlight.end)
            return wire
        }
        self.snippet = snippet
    }
}
