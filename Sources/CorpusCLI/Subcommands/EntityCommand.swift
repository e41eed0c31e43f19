import ArgumentParser
import CorpusEngine

/// `corpus entity NAME`: looks an entity up (exact, alias, accent-insensitive) and prints it with
/// the articles mentioning it and related entities; with no match, prefix suggestions ranked by
/// mention count.
struct EntityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Look up an entity by name or alias, or suggest entities by prefix (local mode: --corpus DIR)."
    )

    @Option(help: "Directory of .txt articles to load locally.")
    var corpus: String?

    @Argument(help: "A name, alias or id (with or without diacritics), or the beginning of one.")
    var name: String

    @Option(help: "Only entities of this kind: person, location, organization or document.")
    var kind: String?

    @Option(help: "At most this many articles and related entities per entity.")
    var limit = 10

    @Flag(help: "Print JSON (one object per entity, or one suggestions object).")
    var json = false

    func run() async throws {
        do {
            try await self.lookup()
        } catch let failure as CLIFailure {
            throw failure.exit()
        }
    }

    private func lookup() async throws {
        var kind: EntityKind? = nil
        if let name = self.kind {
            guard let parsed = EntityKind(name: name) else {
                throw CLIFailure(
                    .invalidArgument,
                    "unknown entity kind '\(name)' (person, location, organization, document)"
                )
            }
            kind = parsed
        }
        guard let directory = self.corpus else {
            throw CLIFailure(.invalidArgument, "pass --corpus DIR (remote lookup is not available yet)")
        }
        let corpus = try await LocalCorpus.load(directory: directory).0.corpus
        let matches = corpus.findEntities(named: self.name, kind: kind)
        if matches.isEmpty {
            let suggestions = corpus.suggestEntities(prefix: self.name, kind: kind, limit: self.limit)
            guard !suggestions.isEmpty else {
                throw CLIFailure(.notFound, "no entity named '\(self.name)'")
            }
            let views = suggestions.map { EntityView.Summary($0, sharedArticles: nil) }
            print(self.json ? EntityOutput.json(suggestions: views) : EntityOutput.text(suggestions: views))
            return
        }
        for match in matches.prefix(self.limit) {
            let entity = corpus.entities[match.entityIndex]
            let view = EntityView(
                entity: EntityView.Summary(entity, sharedArticles: nil),
                match: "\(match.quality)",
                aliases: entity.aliases,
                roles: entity.roles,
                articles: corpus.articles(mentioning: match.entityIndex).prefix(self.limit).map {
                    EntityView.ArticleLine(
                        articleID: $0.article.id,
                        title: $0.article.title,
                        publishedAt: $0.article.publishedAt?.rfc3339 ?? "",
                        mentionCount: $0.mentionCount
                    )
                },
                related: corpus.relatedEntities(to: match.entityIndex, limit: self.limit).map {
                    EntityView.Summary($0.entity, sharedArticles: $0.sharedArticles)
                }
            )
            print(self.json ? EntityOutput.json(view) : EntityOutput.text(view))
        }
    }
}

extension EntityView.Summary {
    init(_ entity: Entity, sharedArticles: Int?) {
        self.init(
            id: entity.id,
            name: entity.name,
            kind: entity.kind.rawValue,
            mentionCount: entity.mentionCount,
            articleCount: entity.articleCount,
            sharedArticles: sharedArticles
        )
    }
}
