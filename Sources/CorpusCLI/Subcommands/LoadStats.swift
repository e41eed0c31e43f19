import ArgumentParser
import CorpusEngine
import CorpusServer
import Foundation

/// `corpus load-stats --corpus DIR`: load a corpus and print speed and memory (for Scripts/bench-load.sh).
struct LoadStats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-stats",
        abstract: "Load a corpus directory and print load speed, entity counts and memory.",
        shouldDisplay: false
    )

    @Option(help: "Corpus directory (searched recursively for .txt files).")
    var corpus: String

    @Option(help: "Parallel workers (default: all cores).")
    var concurrency: Int?

    @Flag(help: "Also build the search index, as the server does (CorpusLoader.Options.searchIndexed).")
    var withIndex = false

    @Option(help: "Write every article, entity and lookup of the loaded corpus to this file (golden checks).")
    var dump: String?

    func run() async throws {
        var options = withIndex ? CorpusLoader.Options.searchIndexed : CorpusLoader.Options.defaults
        if let concurrency { options.concurrency = max(concurrency, 1) }
        let cpuBefore = ProcessMemory.cpuSeconds()
        let result: CorpusLoader.Result
        do {
            result = try await CorpusLoader(options: options).load(directory: corpus)
        } catch {
            FileHandle.standardError.write(Data("corpus load-stats: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let cpu = ProcessMemory.cpuSeconds() - cpuBefore
        let summary = result.summary
        let memory = ProcessMemory.current()
        let megabytes = Double(summary.fileBytes) / 1_000_000
        print("files          \(summary.filesFound) (skipped \(summary.skipped.count))")
        print("articles       \(summary.articles)")
        let kinds = EntityKind.allCases.map { "\($0.rawValue) \(summary.entitiesByKind[$0] ?? 0)" }
        print("entities       \(summary.entities) (\(kinds.joined(separator: ", ")))")
        print("file bytes     \(summary.fileBytes) (text fields \(summary.textBytes))")
        if let index = result.corpus.searchIndex { print("index bytes    \(index.indexByteCount)") }
        print(
            "seconds        \(String(format: "%.2f", summary.seconds)) (\(summary.phases.map(\.description).joined(separator: ", ")))"
        )
        print("MB/s           \(String(format: "%.1f", summary.megabytesPerSecond))")
        print("articles/s     \(String(format: "%.0f", summary.articlesPerSecond))")
        print(
            "CPU seconds    \(String(format: "%.2f", cpu)) (\(String(format: "%.1f", megabytes / max(cpu, 1e-9))) MB per CPU-second, \(String(format: "%.0f", 100 * cpu / max(summary.seconds, 1e-9)))% CPU)"
        )
        print(
            "peak RSS       \(memory.peak / 1_048_576) MiB (\(String(format: "%.2f", Double(memory.peak) / Double(max(summary.fileBytes, 1))))× file bytes)"
        )
        print(
            "RSS after load \(memory.current / 1_048_576) MiB (\(String(format: "%.2f", Double(memory.current) / Double(max(summary.fileBytes, 1))))× file bytes)"
        )
        for skipped in summary.skipped.prefix(10) { print("skipped        \(skipped)") }
        if ProcessInfo.processInfo.environment["CORPUS_MALLOC_STATS"] != nil {
            typealias MallocStats = @convention(c) () -> Void
            if let symbol = dlsym(nil, "malloc_stats") { unsafeBitCast(symbol, to: MallocStats.self)() }
        }
        if let dump {
            let text = CorpusDump.render(result.corpus, skipped: summary.skipped)
            _ = FileManager.default.createFile(atPath: dump, contents: Data(text.utf8))
        }
        withExtendedLifetime(result) {}
    }
}

/// Resident memory and CPU time of this process from `/proc/self/status` and `getrusage` (Linux).
enum ProcessMemory {
    static func current() -> (current: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func value(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "0") ?? 0) * 1024
        }
        return (value("VmRSS:"), value("VmHWM:"))
    }

    /// User plus system CPU seconds used by the process so far (all threads).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// A deterministic text form of everything a loaded corpus answers, to diff loads before and after a
/// change of the loader (`corpus load-stats --dump FILE`).
enum CorpusDump {
    static func render(_ corpus: Corpus, skipped: [LoadSummary.SkippedFile]) -> String {
        var out = ""
        for file in skipped { out += "skipped \(file)\n" }
        for (index, article) in corpus.articles.enumerated() {
            out += "A \(index) \(article.id) | \(article.title) | \(article.publishedAt?.rfc3339 ?? "-")\n"
            out += "  lead \(article.lead)\n  author \(article.author) | \(article.source) | \(article.url)\n"
            for credit in article.credits { out += "  credit \(credit)\n" }
            for entry in article.metadata { out += "  meta \(entry.key) = \(entry.value)\n" }
            for section in article.sections {
                out += "  H \(section.heading)\n"
                for paragraph in section.paragraphs { out += "  P \(paragraph)\n" }
            }
            for caption in article.captions { out += "  C \(caption)\n" }
            for entity in corpus.articleEntities[index] {
                let id = corpus.entities[entity.entityIndex].id
                out += "  E \(id) ×\(entity.mentionCount) [\(entity.roles.joined(separator: "; "))]\n"
            }
        }
        for (index, entity) in corpus.entities.enumerated() {
            out += "N \(index) \(entity.id) \(entity.kind.rawValue) \(entity.name) ×\(entity.mentionCount)\n"
            out +=
                "  aliases \(entity.aliases.joined(separator: " | "))\n  roles \(entity.roles.joined(separator: " | "))\n"
            for occurrence in entity.occurrences {
                let mentions = entity.mentions(in: occurrence).map { "\($0.field):\($0.scalarRange)" }
                out += "  O \(corpus.articles[occurrence.articleIndex].id) \(mentions.joined(separator: " "))\n"
            }
            if index % 7 == 0 {
                let found = corpus.findEntities(named: entity.name).map { "\($0.entityIndex)/\($0.quality)" }
                out += "  find \(found.joined(separator: " "))\n"
                let folded = VietnameseText.foldedKey(entity.name)
                for length in [2, 4] where folded.count >= length {
                    let prefix = String(folded.prefix(length))
                    out +=
                        "  suggest \(prefix): \(corpus.suggestEntities(prefix: prefix).map(\.id).joined(separator: " "))\n"
                }
                let related = corpus.relatedEntities(to: index, limit: 5).map { "\($0.entity.id)/\($0.sharedArticles)" }
                out += "  related \(related.joined(separator: " "))\n"
            }
        }
        return out
    }
}
