internal import CorpusEngine
internal import CorpusProtocol
internal import CorpusTransport
internal import NIOCore

extension CorpusService {
    func registerStats(in router: inout RPCRouter) {
        router.register(
            CorpusMethods.stats,
            handler: { [self] _, _ in
                stats()
            }
        )
    }

    func registerHealth(in router: inout RPCRouter) {
        router.register(
            CorpusMethods.healthCheck,
            inline: { [self] request, _ in
                var response = Corpus_V1_HealthCheckResponse()
                switch request.service {
                case "", "corpus.v1.Corpus", "corpus.v1.Health", "corpus.v1.ServerInfo":
                    response.status = isServing ? .serving : .notServing
                default:
                    response.status = .serviceUnknown
                }
                return .message(response)
            }
        )
    }

    func registerServerInfo(in router: inout RPCRouter, methods: [MethodDescriptor]) {
        var response = Corpus_V1_ListMethodsResponse()
        response.server = "corpus-swift"
        response.version = CorpusServer.version
        response.protocolMajor = UInt32(ProtocolVersion.current.major)
        response.protocolMinor = UInt32(ProtocolVersion.current.minor)
        var seen = Set<String>()
        response.methods = methods.filter { seen.insert($0.fullName).inserted }.sorted { $0.fullName < $1.fullName }
            .map { descriptor in
                var info = Corpus_V1_MethodInfo()
                info.name = descriptor.fullName
                info.kind = descriptor.kind == .unary ? .unary : .serverStreaming
                info.requestType = descriptor.requestType
                info.responseType = descriptor.responseType
                info.idempotent = descriptor.isIdempotent
                info.description_p = descriptor.summary
                return info
            }
        let listing = response
        router.register(CorpusMethods.listMethods, inline: { _, _ in .message(listing) })
    }

    func stats() -> Corpus_V1_StatsResponse {
        var corpusStats = Corpus_V1_CorpusStats()
        corpusStats.articles = UInt64(corpus.articles.count)
        corpusStats.entities = UInt64(corpus.entities.count)
        for (kind, count) in corpus.entityCountsByKind {
            corpusStats.entitiesByKind[Corpus_V1_EntityKind(kind).protoName] = UInt64(count)
        }
        corpusStats.textBytes = UInt64(corpus.textByteCount)
        if let index = corpus.searchIndex {
            corpusStats.indexBytes = UInt64(index.indexByteCount)
        }
        if let summary = loadSummary {
            corpusStats.loadMillis = UInt64(max(0, summary.seconds * 1000))
            corpusStats.filesSkipped = UInt64(summary.skipped.count)
        }
        var response = Corpus_V1_StatsResponse()
        response.corpus = corpusStats
        if let statistics {
            let snapshot = statistics.snapshot
            var server = Corpus_V1_ServerStats()
            server.uptimeMillis = UInt64(max(0, (NIODeadline.now() - statistics.startedAt).nanoseconds / 1_000_000))
            server.connectionsCurrent = UInt64(snapshot.connectionsCurrent)
            server.connectionsTotal = UInt64(snapshot.connectionsTotal)
            server.callsCurrent = UInt64(snapshot.callsCurrent)
            server.callsTotal = UInt64(snapshot.callsTotal)
            server.bytesIn = UInt64(snapshot.bytesIn)
            server.bytesOut = UInt64(snapshot.bytesOut)
            server.version = CorpusServer.version
            server.methods = snapshot.methods.sorted { $0.key < $1.key }.map { name, figures in
                var method = Corpus_V1_MethodStats()
                method.method = name
                method.calls = UInt64(figures.calls)
                method.byStatus = figures.byStatus.mapValues { UInt64($0) }
                method.messagesSent = UInt64(figures.messagesSent)
                method.meanMicros = figures.meanMicroseconds
                return method
            }
            response.server = server
        }
        return response
    }
}
