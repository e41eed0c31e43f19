import ArgumentParser
import CorpusEngine

/// `corpus generate --count N --out DIR [--seed S]`: write synthetic articles in the seed format.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write synthetic Vietnamese news articles in the seed format (deterministic per seed)."
    )

    @Option(help: "Number of articles.")
    var count: Int

    @Option(help: "Output directory (created if needed).")
    var out: String

    @Option(help: "Random seed; the same seed writes the same files.")
    var seed: UInt64 = 1

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must not be negative") }
    }

    func run() async throws {
        let bytes = try await CorpusGenerator(seed: seed).write(count: count, to: out)
        print("wrote \(count) articles (\(bytes) bytes) to \(out)")
    }
}
