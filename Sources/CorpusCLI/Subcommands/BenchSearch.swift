import ArgumentParser
import CorpusEngine
import Foundation

/// `corpus bench-search`: builds the search index over a directory of articles and times queries.
///
/// Hidden: it is the engine half of `Scripts/bench-search.py`, which runs Tantivy and SQLite FTS5
/// on the same articles and queries and prints the ratios. Build in release mode.
struct BenchSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-search",
        abstract: "Time index build and queries of the search engine (release builds only).",
        shouldDisplay: false
    )

    @Option(help: "Directory of .txt articles.")
    var corpus: String

    @Option(help: "Queries, one per line as KIND<TAB>QUERY.")
    var queries: String

    @Option(help: "Timed runs per query.")
    var iterations = 50

    @Option(help: "Hits taken per run (each with its snippet).")
    var top = 10

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: "Build the index this many extra times first (for profiling the build).")
    var extraBuilds = 0

    @Option(help: "Instead of timing, write every query's complete results to this file (for diffs).")
    var dump: String?

    func run() async throws {
        let loadStart = ContinuousClock.now
        let corpus = try await CorpusLoader().load(directory: self.corpus).corpus
        let articles = corpus.articles
        let loadTime = ContinuousClock.now - loadStart
        let cpuStart = BenchProcess.cpuSeconds()
        for _ in 0..<self.extraBuilds { _ = await SearchIndex(corpus: corpus) }
        if self.extraBuilds > 0 {
            let perBuild = (BenchProcess.cpuSeconds() - cpuStart) / Double(self.extraBuilds)
            print(String(format: "extra builds: %.2f CPU s each", perBuild))
        }
        let rssBefore = BenchProcess.residentBytes()
        let buildStart = ContinuousClock.now
        let index = await SearchIndex(corpus: corpus)
        let buildTime = ContinuousClock.now - buildStart
        let rssAfter = BenchProcess.residentBytes()
        let stats = index.statistics
        var queries: [(kind: String, query: String)] = []
        for line in try String(contentsOfFile: self.queries, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            queries.append((String(parts[0]), String(parts[1])))
        }
        if let dump {
            try self.dump(index: index, queries: queries, to: dump)
            return
        }
        var results: [QueryTiming] = []
        for (kind, query) in queries {
            results.append(try self.time(index: index, kind: kind, query: query))
        }
        let report = BenchReport(
            articles: articles.count,
            textBytes: stats.textBytes,
            tokens: stats.tokens,
            terms: stats.terms,
            loadSeconds: loadTime.seconds,
            buildSeconds: buildTime.seconds,
            indexBytes: stats.memoryBytes,
            rssGrowthBytes: max(0, rssAfter - rssBefore),
            queries: results
        )
        print(self.json ? report.json : report.table)
    }

    private func time(index: SearchIndex, kind: String, query: String) throws -> QueryTiming {
        var latencies: [Double] = []
        var firstHits: [Double] = []
        var bare: [Double] = []
        var total = 0
        for run in 0..<(self.iterations + 3) {
            let start = ContinuousClock.now
            let results = try index.search(query, options: SearchOptions(limit: self.top))
            var iterator = results.makeIterator()
            _ = iterator.next()
            let first = ContinuousClock.now - start
            while iterator.next() != nil {}
            // The total is part of every timing but the first hit (the server sends it last).
            total = results.totalMatches
            let all = ContinuousClock.now - start
            // The same without snippets: what Tantivy and FTS5 return (ids and scores, the count).
            let bareStart = ContinuousClock.now
            let plain = try index.search(query, options: SearchOptions(limit: self.top, snippetLength: 0))
            for _ in plain {}
            guard plain.totalMatches == total else { throw ValidationError("counts differ: \(query)") }
            let bareTime = ContinuousClock.now - bareStart
            if run >= 3 {
                latencies.append(all.seconds * 1e6)
                firstHits.append(first.seconds * 1e6)
                bare.append(bareTime.seconds * 1e6)
            }
        }
        return QueryTiming(
            kind: kind,
            query: query,
            matches: total,
            latencyMicros: latencies,
            firstHitMicros: firstHits,
            bareMicros: bare
        )
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = self.components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
