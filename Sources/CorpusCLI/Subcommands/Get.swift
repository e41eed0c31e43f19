import ArgumentParser
import CorpusClient
import CorpusProtocol

/// `corpus get ID`: one article.
struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch one article by id.",
        discussion: """
            Examples:
              corpus get 000_f9a3dc24e25b1244
              corpus get 000_f9a3dc24e25b1244 --json | jq .title
            """
    )

    @Argument(help: "The article id (the file name without .txt).")
    var id: String

    @OptionGroup var client: ClientOptions

    func run() async throws {
        let id = self.id
        let json = client.json
        let options = client.callOptions
        try await RemoteCommand.run(client) { client, output in
            try await Self.execute(id: id, client: client, json: json, options: options, output: output)
        }
    }

    static func execute(id: String, client: CorpusClient, json: Bool, options: CallOptions, output: Output) async throws
    {
        let article = try await client.article(id: id, options: options)
        ArticleOutput.write(article, json: json, to: output)
    }
}
