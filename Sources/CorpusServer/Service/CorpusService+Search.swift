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

    /// Streams the hits in rank order, then one summary. Scoring is synchronous and cheap; the
    /// per-hit work (ordering, snippets) is lazy and stops as soon as the call ends (the client
    /// cancelled, the deadline passed, the connection closed). The first hit goes out alone, as
    /// soon as it is known; later ones in small batches (``BatchingWriter``).
    func search(_ request: Corpus_V1_SearchRequest, writer: ResponseWriter<Corpus_V1_SearchResponse>) async throws {
        let run = try SearchQueries.start(request, in: corpus, isCancelled: { writer.isClosed })
        var output = BatchingWriter(writer)
        var hits = 0
        for response in run {
            guard !output.isClosed, !Task.isCancelled else { throw CancellationError() }
            try await output.write(response)
            hits += 1
        }
        try await output.write(run.summary(returned: hits))
        try await output.flush()
    }
}
