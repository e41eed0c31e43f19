import CorpusClient
import CorpusProtocol

/// Makes the planned calls with a ``CorpusClient/CorpusClient``.
struct ClientCallTarget: CallTarget {
    let client: CorpusClient
    let options: CallOptions

    func perform(_ call: PlannedCall) async -> CallOutcome {
        var messages = 0
        var first: ContinuousClock.Instant?
        do {
            switch call {
            case .get(let id):
                _ = try await client.article(id: id, options: options)
                messages = 1
            case .entity(let name):
                _ = try await client.entity(named: name, options: options)
                messages = 1
            case .suggest(let prefix):
                _ = try await client.suggestEntities(prefix: prefix, options: options)
                messages = 1
            case .search(let query, let limit):
                let stream = client.search(query, limit: limit, options: options)
                for try await _ in stream {
                    if first == nil { first = .now }
                    messages += 1
                }
                // The summary is a message too; with no hits it is the first one.
                if stream.summary != nil {
                    messages += 1
                    if first == nil { first = .now }
                }
            case .list(let afterID, let limit):
                var filter = Corpus_V1_ListArticlesRequest()
                filter.afterID = afterID
                filter.limit = UInt32(clamping: limit)
                for try await _ in client.articles(filter: filter, options: options) {
                    if first == nil { first = .now }
                    messages += 1
                }
            }
            return .ok(messages: messages, firstMessageAt: first)
        } catch let error as CorpusError {
            return .failed(error.code.name, messages: messages, firstMessageAt: first)
        } catch is CancellationError {
            return .failed(CorpusError.Code.cancelled.name, messages: messages, firstMessageAt: first)
        } catch {
            return .failed(CorpusError.Code.unknown.name, messages: messages, firstMessageAt: first)
        }
    }
}
