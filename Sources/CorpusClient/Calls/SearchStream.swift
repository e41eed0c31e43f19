public import CorpusProtocol
internal import Synchronization

/// The hits of a search, in rank order, as an `AsyncSequence`; the summary the server sends
/// after the last hit is in ``summary`` once iteration has ended.
public struct SearchStream: AsyncSequence, Sendable {
    public typealias Element = Corpus_V1_SearchHit

    let responses: ResponseStream<Corpus_V1_SearchResponse>
    private let box = SummaryBox()

    init(responses: ResponseStream<Corpus_V1_SearchResponse>) {
        self.responses = responses
    }

    /// Total matches, hits sent and server time; `nil` until the stream has ended.
    public var summary: Corpus_V1_SearchSummary? { box.summary }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: responses.makeAsyncIterator(), box: box)
    }

    /// Iterates the hits.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: ResponseStream<Corpus_V1_SearchResponse>.AsyncIterator
        let box: SummaryBox

        public mutating func next() async throws -> Corpus_V1_SearchHit? {
            while let response = try await base.next() {
                switch response.result {
                case .hit(let hit): return hit
                case .summary(let summary): box.summary = summary
                case .none: continue
                }
            }
            return nil
        }
    }
}

final class SummaryBox: Sendable {
    private let value = Mutex<Corpus_V1_SearchSummary?>(nil)

    var summary: Corpus_V1_SearchSummary? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
