import ArgumentParser
import CorpusEngine
import Foundation

/// `corpus search`: runs a query and prints ranked hits with highlighted snippets.
///
/// Local mode (`--corpus DIR`) loads the articles and builds the index in this process; output
/// formatting lives in ``SearchOutput`` so a remote mode can reuse it.
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the corpus (local mode: --corpus DIR).",
        discussion: """
            Query language: words (all required), "quoted phrases", OR, -exclusion, (grouping),
            title:WORD, author:NAME, entity:"NAME", kind:person|location|organization|document,
            after:YYYY-MM-DD, before:YYYY-MM-DD. Words typed without diacritics match every accented
            variant; words with diacritics match exactly.
            """
    )

    @Option(help: "Directory of .txt articles to load and search locally.")
    var corpus: String?

    @Argument(help: "The query.")
    var query: String

    @Option(help: "At most this many hits (0: all).")
    var limit = 10

    @Option(help: "Resume after the hit that carried this cursor.")
    var cursor: String?

    @Flag(help: "Print one JSON object per hit, then a summary object.")
    var json = false

    func run() async throws {
        do {
            try await self.search()
        } catch let failure as CLIFailure {
            throw failure.exit()
        }
    }

    private func search() async throws {
        let started = ContinuousClock.now
        var cursor: SearchCursor? = nil
        if let text = self.cursor {
            guard let decoded = SearchCursor(encoded: text) else {
                throw CLIFailure(.invalidArgument, "invalid cursor")
            }
            cursor = decoded
        }
        guard let directory = self.corpus else {
            throw CLIFailure(.invalidArgument, "pass --corpus DIR (remote search is not available yet)")
        }
        let (_, index) = try await LocalCorpus.load(directory: directory)
        let results: SearchResults
        do {
            results = try index.search(self.query, options: SearchOptions(limit: self.limit, cursor: cursor))
        } catch {
            throw CLIFailure(error.code == .cancelled ? .cancelled : .invalidArgument, error.message)
        }
        let color = !self.json && Terminal.stdoutIsColorTerminal
        var returned = 0
        for hit in results {
            returned += 1
            let view = SearchHitView(hit)
            print(self.json ? SearchOutput.json(view) : SearchOutput.text(view, color: color) + "\n")
        }
        let elapsed = ContinuousClock.now - started
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        let summary = SearchSummaryView(
            totalMatches: results.totalMatches,
            returned: returned,
            elapsedMicros: Int(micros)
        )
        print(self.json ? SearchOutput.json(summary) : SearchOutput.text(summary))
    }
}

extension SearchHitView {
    init(_ hit: SearchHit) {
        self.init(
            rank: hit.rank,
            score: hit.score,
            articleID: hit.articleID,
            publishedAt: hit.publishedAt,
            title: hit.title,
            snippet: hit.snippet.text,
            highlights: hit.snippet.highlights.map { $0.start..<$0.end },
            cursor: hit.cursor.encoded
        )
    }
}
