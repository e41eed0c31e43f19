import ArgumentParser
import CorpusClient
import CorpusProtocol
import CorpusTransport
import Foundation

/// The options every command that talks to a server shares.
struct ClientOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Server address host:port. Repeat it, or separate with commas, to spread calls over several servers."
    )
    var server: [String] = ["127.0.0.1:7700"]

    @Option(help: "Deadline of each call, in seconds.")
    var deadline: Double = 10

    @Flag(help: "Print the protobuf JSON form of each response message (one object per line for streams).")
    var json = false

    @Flag(help: "Neither compress requests nor accept compressed responses.")
    var noCompression = false

    func validate() throws {
        guard deadline > 0 else { throw ValidationError("--deadline must be positive") }
        for target in targetStrings {
            do {
                _ = try CorpusClient.Target(parsing: target)
            } catch let error as CorpusError {
                throw ValidationError(error.message)
            }
        }
    }

    private var targetStrings: [String] {
        server.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }

    /// The client configuration these options describe.
    func clientConfiguration() throws -> CorpusClient.Configuration {
        var configuration = CorpusClient.Configuration(
            targets: try targetStrings.map { try CorpusClient.Target(parsing: $0) },
            defaultTimeout: .nanoseconds(Int64(deadline * 1e9))
        )
        configuration.connection.settings.acceptsZlib = !noCompression
        return configuration
    }

    /// Per-call options.
    var callOptions: CallOptions {
        CallOptions(compression: !noCompression)
    }
}
