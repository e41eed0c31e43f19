import Benchmark
import CorpusEngine
import Foundation

// Engine benchmarks: tokenizing and normalizing, parsing, entity extraction and loading generated
// articles. Inputs come from CorpusGenerator with a fixed seed, so runs are comparable.
//
// Throughput: the tokenizer and normalizer benchmarks process exactly one megabyte (10^6 bytes) of
// article text per iteration, so their "throughput (# / s)" column reads as MB/s. The load benchmark
// loads 1,000 generated files per iteration (about 3.5 MB); its throughput × 1,000 is articles/s.
// For the 100,000-article end-to-end figures (MB/s, articles/s, peak RSS) use Scripts/bench-load.sh.
//
// Search benchmarks (index build, queries, first hit) are registered by `searchBenchmarks()` in
// SearchBenchmarks.swift.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(5)
    Benchmark.defaultConfiguration.maxIterations = 1_000

    let generator = CorpusGenerator(seed: 42)
    let articles = (0..<2_000).compactMap { index in
        let file = generator.makeFile(index: index)
        return try? ArticleParser().parse(bytes: file.bytes, id: "g\(index)", path: file.fileName).article
    }
    var megabyte = ""
    var index = 0
    while megabyte.utf8.count < 1_000_000 {
        articles[index % articles.count].forEachField { _, text in megabyte += text + "\n" }
        index += 1
    }
    let cut = megabyte.utf8.index(megabyte.utf8.startIndex, offsetBy: 1_000_000)
    let text = String(megabyte[..<(megabyte.utf8[cut...].firstIndex(of: 0x20) ?? cut)])
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]

    Benchmark("Tokenize 1 MB with forms", configuration: .init(metrics: metrics)) { benchmark in
        let tokenizer = VietnameseTokenizer()
        for _ in benchmark.scaledIterations {
            var bytes = 0
            tokenizer.forEachToken(in: text) { _, forms in
                bytes &+= forms.normalizedUTF8.count &+ forms.foldedUTF8.count
            }
            blackHole(bytes)
        }
    }

    Benchmark("Tokenize 1 MB, offsets only", configuration: .init(metrics: metrics)) { benchmark in
        let tokenizer = VietnameseTokenizer()
        for _ in benchmark.scaledIterations {
            blackHole(tokenizer.tokens(in: text).count)
        }
    }

    Benchmark("VietnameseText.normalize 1 MB", configuration: .init(metrics: metrics)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(VietnameseText.normalize(text))
        }
    }

    Benchmark("VietnameseText.nfc quick check 1 MB", configuration: .init(metrics: metrics)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(VietnameseText.nfc(text))
        }
    }

    let files = (0..<100).map { generator.makeFile(index: $0) }
    Benchmark("Parse 100 articles", configuration: .init(metrics: metrics)) { benchmark in
        let parser = ArticleParser()
        for _ in benchmark.scaledIterations {
            for file in files {
                blackHole(try? parser.parse(bytes: file.bytes, id: "g", path: file.fileName))
            }
        }
    }

    let sample = Array(articles.prefix(100))
    Benchmark("Extract entities of 100 articles", configuration: .init(metrics: metrics)) { benchmark in
        let extractor = EntityExtractor()
        for _ in benchmark.scaledIterations {
            for article in sample { blackHole(extractor.extract(from: article)) }
        }
    }

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("engine-bench-1000").path
    Benchmark(
        "Load 1000 generated articles",
        configuration: .init(
            metrics: [.wallClock, .throughput, .peakMemoryResident],
            maxIterations: 20,
            setup: {
                if !FileManager.default.fileExists(atPath: directory) {
                    _ = try await CorpusGenerator(seed: 42).write(count: 1_000, to: directory)
                }
            }
        )
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await CorpusLoader().load(directory: directory).summary.articles)
        }
    }

    searchBenchmarks()
}
