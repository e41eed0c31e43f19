import ArgumentParser
import CorpusEngine
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

    func run() async throws {
        let result: CorpusLoader.Result
        do {
            result = try await CorpusLoader(options: .init(concurrency: concurrency)).load(directory: corpus)
        } catch {
            FileHandle.standardError.write(Data("corpus load-stats: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let summary = result.summary
        let memory = ProcessMemory.current()
        print("files          \(summary.filesFound) (skipped \(summary.skipped.count))")
        print("articles       \(summary.articles)")
        let kinds = EntityKind.allCases.map { "\($0.rawValue) \(summary.entitiesByKind[$0] ?? 0)" }
        print("entities       \(summary.entities) (\(kinds.joined(separator: ", ")))")
        print("file bytes     \(summary.fileBytes) (text fields \(summary.textBytes))")
        print("seconds        \(String(format: "%.2f", summary.seconds))")
        print("MB/s           \(String(format: "%.1f", summary.megabytesPerSecond))")
        print("articles/s     \(String(format: "%.0f", summary.articlesPerSecond))")
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
        withExtendedLifetime(result) {}
    }
}

/// Resident memory of this process from `/proc/self/status` (Linux); zero elsewhere.
enum ProcessMemory {
    static func current() -> (current: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func value(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "0") ?? 0) * 1024
        }
        return (value("VmRSS:"), value("VmHWM:"))
    }
}
