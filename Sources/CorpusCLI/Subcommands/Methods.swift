import ArgumentParser
import CorpusClient
import CorpusProtocol

/// `corpus methods`: what the server offers.
struct Methods: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the methods the server offers (ServerInfo/ListMethods).",
        discussion: """
            Examples:
              corpus methods
              corpus methods --json
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
        let listing = try await client.methods(options: options)
        guard !json else {
            output.line(ProtoJSON.line(listing))
            return
        }
        output.line(
            output.dim(
                "\(listing.server) \(listing.version), protocol \(listing.protocolMajor).\(listing.protocolMinor)"
            )
        )
        var table = Table(["method", "kind", "request → response", "idempotent", "description"])
        for method in listing.methods {
            table.add([
                method.name, method.kind == .serverStreaming ? "stream" : "unary",
                "\(method.requestType) → \(method.responseType)", method.idempotent ? "yes" : "no",
                method.description_p,
            ])
        }
        table.render(to: output)
    }
}
