import ArgumentParser
import CorpusClient
import CorpusEngine
import CorpusProtocol
import CorpusServer

/// `corpus entity NAME`: looks an entity up (exact, alias, accent-insensitive) and prints it with
/// the articles mentioning it and related entities; with no match, prefix suggestions ranked by
/// mention count.
struct EntityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Look up an entity by name, alias or id; with no match, suggest names by prefix.",
        discussion: """
            Examples:
              corpus entity "vo anh kiet"
              corpus entity "An Phú" --kind location --json
              corpus entity UBND --corpus seeds        (local mode, no server)
            """
    )

    @Argument(help: "A name, alias or id (with or without diacritics), or the beginning of one.")
    var name: String

    @Option(help: "Only entities of this kind: person, location, organization or document.")
    var kind: EntityKindArgument?

    @Option(help: "At most this many articles and related entities.")
    var limit = 10

    @Option(help: "Look up in a directory of .txt articles in this process instead of asking a server.")
    var corpus: String?

    @OptionGroup var client: ClientOptions

    func run() async throws {
        var request = Corpus_V1_LookupEntityRequest()
        request.name = name
        request.kind = kind?.wire ?? .unspecified
        request.maxArticles = UInt32(clamping: max(1, limit))
        request.maxRelated = UInt32(clamping: max(1, limit))
        let (json, options) = (client.json, client.callOptions)
        if let directory = corpus {
            let lookup = request
            try await LocalCorpus.run(directory: directory, json: json) { corpus, output in
                try Self.executeLocal(lookup, corpus: corpus, json: json, output: output)
            }
            return
        }
        let lookup = request
        try await RemoteCommand.run(client) { client, output in
            try await Self.execute(lookup, client: client, json: json, options: options, output: output)
        }
    }

    static func execute(
        _ request: Corpus_V1_LookupEntityRequest,
        client: CorpusClient,
        json: Bool,
        options: CallOptions,
        output: Output
    ) async throws {
        do {
            let response = try await client.unary(CorpusMethods.lookupEntity, request, options: options)
            EntityOutput.write(response, json: json, to: output)
        } catch let error as CorpusError where error.code == .notFound {
            let suggestions = try await client.unary(
                CorpusMethods.suggestEntities,
                suggestionRequest(for: request),
                options: options
            )
            guard !suggestions.entities.isEmpty else { throw error }
            EntityOutput.write(suggestions: suggestions, json: json, to: output)
        }
    }

    static func executeLocal(
        _ request: Corpus_V1_LookupEntityRequest,
        corpus: Corpus,
        json: Bool,
        output: Output
    ) throws {
        do {
            EntityOutput.write(try EntityQueries.lookup(request, in: corpus), json: json, to: output)
        } catch let error as CorpusError where error.code == .notFound {
            let suggestions = try EntityQueries.suggest(suggestionRequest(for: request), in: corpus)
            guard !suggestions.entities.isEmpty else { throw error }
            EntityOutput.write(suggestions: suggestions, json: json, to: output)
        }
    }

    private static func suggestionRequest(
        for request: Corpus_V1_LookupEntityRequest
    )
        -> Corpus_V1_SuggestEntitiesRequest
    {
        var suggest = Corpus_V1_SuggestEntitiesRequest()
        suggest.prefix = request.name
        suggest.kind = request.kind
        suggest.limit = request.maxArticles
        return suggest
    }
}
