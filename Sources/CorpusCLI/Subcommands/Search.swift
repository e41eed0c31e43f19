import ArgumentParser
import CorpusClient
import CorpusEngine
import CorpusProtocol
import CorpusServer
import Foundation

/// `corpus search QUERY`: ranked hits with highlighted snippets, as they stream in.
///
/// Remote by default (`--server`); local with `--corpus DIR`, which loads the articles and builds
/// the index in this process. Both produce the same `corpus.v1.SearchResponse` messages, so the
/// output is the same.
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the corpus; hits print as they stream in.",
        discussion: """
            Query language: words (all required), "quoted phrases", OR, -exclusion, (grouping),
            title:WORD, author:NAME, entity:"NAME", kind:person|location|organization|document,
            after:YYYY-MM-DD, before:YYYY-MM-DD. Words typed without diacritics match every accented
            variant; words with diacritics match exactly (Đảng never matches đang).

            Examples:
              corpus search "dai hoi dang bo"
              corpus search '"Đại hội" -"nhiệm kỳ 2015-2020" after:2019-01-01' --limit 5
              corpus search 'entity:"Võ Anh Kiệt" kind:location' --json
              corpus search "đang" --corpus seeds          (local mode, no server)
            """
    )

    @Argument(help: "The query.")
    var query: String

    @Option(help: "At most this many hits (0: all).")
    var limit = 10

    @Option(help: "Resume after the hit that carried this cursor.")
    var cursor: String?

    @Option(help: "Search a directory of .txt articles in this process instead of asking a server.")
    var corpus: String?

    @OptionGroup var client: ClientOptions

    func run() async throws {
        var request = Corpus_V1_SearchRequest()
        request.query = query
        request.limit = UInt32(clamping: max(0, limit))
        request.cursor = cursor ?? ""
        let (json, options) = (client.json, client.callOptions)
        if let directory = corpus {
            let search = request
            try await LocalCorpus.run(directory: directory, json: json) { corpus, output in
                try await Self.executeLocal(search, corpus: corpus, json: json, output: output)
            }
            return
        }
        let search = request
        try await RemoteCommand.run(client) { client, output in
            try await Self.execute(search, client: client, json: json, options: options, output: output)
        }
    }

    /// Runs the search on a server, printing each response as it arrives.
    static func execute(
        _ request: Corpus_V1_SearchRequest,
        client: CorpusClient,
        json: Bool,
        options: CallOptions,
        output: Output
    ) async throws {
        for try await response in client.serverStreaming(CorpusMethods.search, request, options: options) {
            SearchOutput.write(response, json: json, to: output)
        }
    }

    /// Runs the search on a local corpus, with the server's own logic.
    static func executeLocal(
        _ request: Corpus_V1_SearchRequest,
        corpus: Corpus,
        json: Bool,
        output: Output
    ) async throws {
        for response in try LocalSearch.responses(request, corpus: corpus) {
            SearchOutput.write(response, json: json, to: output)
        }
    }
}
