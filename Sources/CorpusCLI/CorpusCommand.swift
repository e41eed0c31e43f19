import ArgumentParser

/// The `corpus` command: the root only lists the subcommands. (Named `CorpusCommand` so that
/// `Corpus` keeps meaning the engine's corpus.)
@main
struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Vietnamese news corpus: serve, query and load-test.",
        subcommands: [
            Serve.self, Search.self, EntityCommand.self, Get.self, List.self, Suggest.self, Stats.self, Health.self,
            Methods.self, Call.self, Bench.self,
            Parse.self, Generate.self, LoadStats.self, BenchSearch.self,
        ]
    )
}
