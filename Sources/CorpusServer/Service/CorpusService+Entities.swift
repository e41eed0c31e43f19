internal import CorpusEngine
internal import CorpusProtocol
internal import CorpusTransport

extension CorpusService {
    func registerEntities(in router: inout RPCRouter) {
        router.register(
            CorpusMethods.lookupEntity,
            handler: { [corpus, entityDetails] request, _ in
                try EntityQueries.lookup(request, in: corpus, cache: entityDetails)
            }
        )
        router.register(
            CorpusMethods.suggestEntities,
            handler: { [corpus] request, _ in
                try EntityQueries.suggest(request, in: corpus)
            }
        )
    }
}
