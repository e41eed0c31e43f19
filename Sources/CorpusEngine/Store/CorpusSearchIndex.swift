/// The place where the search index (issue 4) attaches to a corpus.
///
/// The loader parses and extracts entities, builds the ``Corpus``, then, if
/// ``CorpusLoader/Options/makeSearchIndex`` is set, calls it with the finished corpus (articles in their
/// final order) and stores the result in ``Corpus/searchIndex``.
public protocol CorpusSearchIndex: Sendable {
    /// Approximate memory held by the index, for statistics.
    var indexByteCount: Int { get }
}
