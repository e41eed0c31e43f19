import ArgumentParser
import CorpusClient
import CorpusProtocol
import Foundation

/// `corpus stats`: corpus and server statistics.
struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show corpus and server statistics.",
        discussion: """
            Examples:
              corpus stats
              corpus stats --json
            """
    )

    @OptionGroup var client: ClientOptions

    func run() async throws {
        let (json, options) = (client.json, client.callOptions)
        try await RemoteCommand.run(client) { client, output in
            try await Self.execute(client: client, json: json, options: options, output: output)
        }
    }

    static func execute(client: CorpusClient, json: Bool, options: CallOptions, output: Output) async throws {
        let stats = try await client.stats(options: options)
        guard !json else {
            output.line(ProtoJSON.line(stats))
            return
        }
        let corpus = stats.corpus
        output.line(output.bold("corpus"))
        var table = Table(["", ""])
        table.headers = ["articles", "\(corpus.articles)"]
        let kinds = corpus.entitiesByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        table.add(["entities", "\(corpus.entities)" + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))")])
        table.add(["text", Format.bytes(corpus.textBytes)])
        table.add(["index", Format.bytes(corpus.indexBytes)])
        table.add(["loaded in", String(format: "%.2f s", Double(corpus.loadMillis) / 1000)])
        table.add(["files skipped", "\(corpus.filesSkipped)"])
        table.render(to: output)

        let server = stats.server
        output.line()
        output.line(output.bold("server") + " " + server.version)
        var serverTable = Table(["uptime", Format.duration(milliseconds: server.uptimeMillis)])
        serverTable.add(["connections", "\(server.connectionsCurrent) open, \(server.connectionsTotal) in total"])
        serverTable.add(["calls", "\(server.callsCurrent) running, \(server.callsTotal) in total"])
        serverTable.add(["bytes", "\(Format.bytes(server.bytesIn)) in, \(Format.bytes(server.bytesOut)) out"])
        serverTable.render(to: output)

        if !server.methods.isEmpty {
            output.line()
            var methods = Table(["method", "calls", "mean µs", "messages", "statuses"])
            for method in server.methods {
                let statuses = method.byStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                methods.add([
                    method.method, "\(method.calls)", String(format: "%.0f", method.meanMicros),
                    "\(method.messagesSent)", statuses.joined(separator: ", "),
                ])
            }
            methods.render(to: output)
        }
    }
}

/// Human-readable numbers.
enum Format {
    static func bytes(_ count: UInt64) -> String {
        let value = Double(count)
        if value >= 1_000_000_000 { return String(format: "%.2f GB", value / 1e9) }
        if value >= 1_000_000 { return String(format: "%.1f MB", value / 1e6) }
        if value >= 1000 { return String(format: "%.1f KB", value / 1e3) }
        return "\(count) B"
    }

    static func duration(milliseconds: UInt64) -> String {
        let seconds = milliseconds / 1000
        if seconds >= 3600 { return "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
        if seconds >= 60 { return "\(seconds / 60) min \(seconds % 60) s" }
        return String(format: "%.1f s", Double(milliseconds) / 1000)
    }
}
