internal import CorpusEngine
internal import CorpusProtocol
internal import CorpusTransport

extension CorpusService {
    func registerSearch(in router: inout RPCRouter) {
        router.register(
            CorpusMethods.search,
            stream: { [self] request, writer, _ in
                try await search(request, writer: writer)
            }
        )
    }

    /// Hits queued per write after the first: enough to spread the per-write cost, few enough
    /// that a cancelled call wastes little work.
    static let searchBatch = 16

    /// Streams the hits in rank order, then one summary. Scoring is synchronous and cheap; the
    /// per-hit work (ordering, snippets) is lazy and stops as soon as the call ends (the client
    /// cancelled, the deadline passed, the connection closed). The first hit goes out alone, as
    /// soon as it is known; later ones in batches of ``searchBatch``.
    func search(_ request: Corpus_V1_SearchRequest, writer: ResponseWriter<Corpus_V1_SearchResponse>) async throws {
        let run = try SearchQueries.start(request, in: corpus, isCancelled: { writer.isClosed })
        var returned = 0
        var batch: [Corpus_V1_SearchResponse] = []
        var batchSize = 1
        for response in run {
            guard !writer.isClosed, !Task.isCancelled else { throw CancellationError() }
            batch.append(response)
            guard batch.count >= batchSize else { continue }
            try await writer.write(contentsOf: batch)
            returned += batch.count
            batch.removeAll(keepingCapacity: true)
            batchSize = Self.searchBatch
        }
        batch.append(run.summary(returned: returned + batch.count))
        try await writer.write(contentsOf: batch)
    }
}
