import ArgumentParser
import CorpusClient
import CorpusProtocol
import CorpusServer

/// `corpus suggest PREFIX`: entity names that start with a prefix.
struct Suggest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Complete entity names from a prefix, most mentioned first.",
        discussion: """
            The prefix may be typed with or without diacritics.

            Examples:
              corpus suggest "vo anh"
              corpus suggest "An" --kind location --limit 5
            """
    )

    @Argument(help: "The beginning of a name.") var prefix: String
    @Option(help: "person, location, organization or document.") var kind: EntityKindArgument?
    @Option(help: "At most this many suggestions.") var limit = 10

    @OptionGroup var client: ClientOptions

    func run() async throws {
        let (prefix, kind, limit, json, options) = (self.prefix, self.kind, self.limit, client.json, client.callOptions)
        try await RemoteCommand.run(client) { client, output in
            try await Self.execute(
                prefix: prefix,
                kind: kind,
                limit: limit,
                client: client,
                json: json,
                options: options,
                output: output
            )
        }
    }

    static func execute(
        prefix: String,
        kind: EntityKindArgument?,
        limit: Int,
        client: CorpusClient,
        json: Bool,
        options: CallOptions,
        output: Output
    ) async throws {
        let entities = try await client.suggestEntities(
            prefix: prefix,
            kind: kind?.wire ?? .unspecified,
            limit: limit,
            options: options
        )
        if json {
            var response = Corpus_V1_SuggestEntitiesResponse()
            response.entities = entities
            output.line(ProtoJSON.line(response))
            return
        }
        EntityTable.write(entities, to: output)
    }
}

/// An entity kind on the command line.
enum EntityKindArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case person, location, organization, document

    var wire: Corpus_V1_EntityKind {
        switch self {
        case .person: .person
        case .location: .location
        case .organization: .organization
        case .document: .document
        }
    }
}

/// A table of entities.
enum EntityTable {
    static func write(_ entities: [Corpus_V1_Entity], to output: Output) {
        var table = Table(["name", "kind", "mentions", "articles", "id"])
        for entity in entities {
            table.add([
                entity.name, entity.kind.protoName, "\(entity.mentionCount)", "\(entity.articleCount)", entity.id,
            ])
        }
        table.render(to: output)
    }
}
