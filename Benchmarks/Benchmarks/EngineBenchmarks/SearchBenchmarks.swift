import Benchmark
import CorpusEngine
import Foundation

// Search engine microbenchmarks: index build and queries over 2,000 articles made by shuffling the
// seed article's paragraphs and sentences (deterministic), so the vocabulary is real Vietnamese.
//
//   cd Benchmarks && swift package benchmark --target EngineBenchmarks --filter "Search.*"

private let searchSeedText: String = {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds/000_f9a3dc24e25b1244.txt")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? "Đại hội Đảng bộ"
}()

private func searchDocuments(count: Int) -> [IndexDocument] {
    let sentences = searchSeedText.split(whereSeparator: { $0 == "." || $0 == "\n" }).map(String.init)
    var state: UInt64 = 0x5EED
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33)
    }
    func sentence() -> String { sentences[next() % sentences.count] }
    return (0..<count).map { k in
        IndexDocument(
            id: String(format: "%06d", k),
            title: sentence(),
            lead: sentence() + ". " + sentence(),
            paragraphs: (0..<6).map { _ in (0..<4).map { _ in sentence() }.joined(separator: ". ") + "." },
            author: "Hữu Huynh",
            publishedAt: 1_500_000_000 + Int64(k) * 7_200
        )
    }
}

/// Registers the search benchmarks (called from `Benchmarks.swift`).
func searchBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .instructions],
        maxDuration: .seconds(3)
    )
    let documents = searchDocuments(count: 2_000)
    let index = SearchIndex(synchronouslyIndexing: documents)

    Benchmark("Search index build (2,000 articles, one thread)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SearchIndex(synchronouslyIndexing: documents).statistics.memoryBytes)
        }
    }

    let queries = [
        ("one word", "đảng"),
        ("two words", "công tác"),
        ("phrase", "\"đại hội đảng bộ\""),
        ("unaccented", "dai hoi dang bo"),
        ("filtered", "huyện after:2018-01-01 -\"An Phú\""),
    ]
    for (name, query) in queries {
        Benchmark("Search top 10 with snippets: \(name)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let results = try index.search(query, options: SearchOptions(limit: 10))
                for hit in results { blackHole(hit.snippet.highlights.count) }
            }
        }
        Benchmark("Search first hit: \(name)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                var iterator = try index.search(query).makeIterator()
                blackHole(iterator.next()?.score)
            }
        }
    }
}
