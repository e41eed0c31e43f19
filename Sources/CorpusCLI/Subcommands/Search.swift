import ArgumentParser
import CorpusEngine
import Foundation

/// `corpus search`: runs a query and prints ranked hits with highlighted snippets.
///
/// Local mode (`--corpus DIR`) loads the articles and builds the index in this process.
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
    var corpus: String

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
        let cursor: SearchCursor?
        if let text = self.cursor {
            guard let decoded = SearchCursor(encoded: text) else {
                throw CLIFailure(code: "INVALID_ARGUMENT", message: "invalid cursor")
            }
            cursor = decoded
        } else {
            cursor = nil
        }
        let index = try await LocalSearch.loadIndex(directory: self.corpus)
        let results: SearchResults
        do {
            results = try index.search(self.query, options: SearchOptions(limit: self.limit, cursor: cursor))
        } catch {
            throw CLIFailure(code: error.code == .cancelled ? "CANCELLED" : "INVALID_ARGUMENT", message: error.message)
        }
        let color = !self.json && Terminal.stdoutSupportsColor
        var returned = 0
        for hit in results {
            returned += 1
            let view = SearchHitView(hit)
            print(self.json ? SearchOutput.json(view) : SearchOutput.text(view, color: color))
            if !self.json { print() }
        }
        let elapsed = ContinuousClock.now - started
        let summary = SearchSummaryView(
            totalMatches: results.totalMatches,
            returned: returned,
            elapsedMicros: Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
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

/// A failure reported as `error: CODE: message` on stderr with a non-zero exit status.
struct CLIFailure: Error, CustomStringConvertible {
    var code: String
    var message: String

    var description: String { "\(self.code): \(self.message)" }

    /// Prints `error: CODE: message` on stderr and returns the exit status to throw.
    func exit() -> ExitCode {
        Terminal.printError("error: \(self)")
        return ExitCode(1)
    }
}

/// Loading for the local mode of `search` and `entity`.
enum LocalSearch {
    static func loadIndex(directory: String) async throws -> SearchIndex {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIFailure(code: "NOT_FOUND", message: "no such corpus directory: \(directory)")
        }
        let articles = try await ArticleFiles.load(directory: directory)
        return await SearchIndex(articles: articles)
    }
}
