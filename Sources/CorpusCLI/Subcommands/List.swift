import ArgumentParser
import CorpusClient
import CorpusProtocol

/// `corpus list`: article summaries, filtered.
struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List articles, optionally filtered by date, author or entity.",
        discussion: """
            Dates are YYYY-MM-DD (midnight in Vietnam, UTC+7) or RFC 3339. --after is inclusive,
            --before exclusive. Author and entity match without regard to accents or case.

            Examples:
              corpus list --limit 20
              corpus list --after 2019-01-01 --before 2020-01-01 --entity "Võ Anh Kiệt"
              corpus list --author "huu huynh" --json
            """
    )

    @Option(help: "Only articles published on or after this date.") var after: String?
    @Option(help: "Only articles published before this date.") var before: String?
    @Option(help: "Only articles by this author.") var author: String?
    @Option(help: "Only articles mentioning this entity (name, alias or id).") var entity: String?
    @Option(help: "At most this many articles (0: all).") var limit = 0
    @Option(help: "Resume after this article id.") var afterID: String?

    @OptionGroup var client: ClientOptions

    func run() async throws {
        var filter = Corpus_V1_ListArticlesRequest()
        filter.after = after ?? ""
        filter.before = before ?? ""
        filter.author = author ?? ""
        filter.entity = entity ?? ""
        filter.limit = UInt32(clamping: max(0, limit))
        filter.afterID = afterID ?? ""
        let request = filter
        let json = client.json
        let options = client.callOptions
        try await RemoteCommand.run(client) { client, output in
            try await Self.execute(request, client: client, json: json, options: options, output: output)
        }
    }

    static func execute(
        _ filter: Corpus_V1_ListArticlesRequest,
        client: CorpusClient,
        json: Bool,
        options: CallOptions,
        output: Output
    ) async throws {
        var collected: [Corpus_V1_ArticleSummary] = []
        for try await summary in client.articles(filter: filter, options: options) {
            if json {
                output.line(ProtoJSON.line(summary))
            } else {
                collected.append(summary)
            }
        }
        if !json {
            ArticleOutput.summaries(collected, to: output)
            output.line(output.dim("\(collected.count) article\(collected.count == 1 ? "" : "s")"))
        }
    }
}
