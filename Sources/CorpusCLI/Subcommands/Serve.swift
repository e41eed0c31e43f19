import ArgumentParser
import CorpusEngine
import CorpusServer
import CorpusTransport
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `corpus serve`: load a corpus and serve it until SIGINT/SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a corpus and serve it over the corpus RPC protocol.",
        discussion: """
            Loads every .txt article under --corpus (default: the repository's seeds/), prints a load \
            summary and the address, then serves until Ctrl-C or SIGTERM. On shutdown it stops \
            accepting, sends GOAWAY and lets in-flight calls finish (up to --grace seconds).

            Examples:
              corpus serve
              corpus serve --corpus ~/news --port 7701 --log-level debug
            """
    )

    @Option(help: "Corpus directory, searched recursively for .txt articles (default: seeds/).")
    var corpus: String?

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free port).")
    var port = 7700

    @Option(
        help: "Log level: trace, debug, info, notice, warning, error, critical.",
        transform: { text in
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                throw ValidationError("unknown log level \"\(text)\"")
            }
            return level
        }
    )
    var logLevel: Logger.Level = .info

    @Option(help: "Maximum concurrent connections.")
    var maxConnections = 4096

    @Option(help: "Seconds in-flight calls get to finish on shutdown.")
    var grace = 10

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be positive") }
        guard grace >= 0 else { throw ValidationError("--grace must not be negative") }
    }

    func run() async throws {
        let directory = corpus ?? DefaultCorpus.directory
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "corpus")

        let loaded: CorpusLoader.Result
        do {
            loaded = try await CorpusLoader(options: .searchIndexed).load(directory: directory)
        } catch {
            Terminal.error("corpus serve: cannot load \(directory): \(error)")
            throw ExitCode(ExitCodes.notFound)
        }
        Terminal.line(LoadReport(summary: loaded.summary, directory: directory).text)
        for skipped in loaded.summary.skipped {
            Terminal.error("corpus serve: skipped \(skipped)")
        }

        var configuration = CorpusServer.Configuration.defaults
        configuration.rpc.host = host
        configuration.rpc.port = port
        configuration.rpc.maxConnections = maxConnections
        configuration.rpc.connection.shutdownGracePeriod = .seconds(Int64(grace))
        let server = await CorpusServer(
            corpus: loaded.corpus,
            loadSummary: loaded.summary,
            configuration: configuration,
            logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: server)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        let announce = Task {
            if let address = try? await server.listeningAddress {
                Terminal.line(
                    "serving corpus.v1 on \(address.ipAddress ?? host):\(address.port ?? port) (Ctrl-C to stop)"
                )
            }
        }
        do {
            try await group.run()
        } catch {
            announce.cancel()
            Terminal.error("corpus serve: \(error)")
            throw ExitCode(ExitCodes.unavailable)
        }
        Terminal.line("stopped")
    }
}
