import ArgumentParser
import CorpusClient
import CorpusProtocol

/// `corpus health`: is the server serving?
struct Health: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the server is serving (exit status 0 if it is, 5 otherwise).",
        discussion: """
            Examples:
              corpus health
              corpus health --service corpus.v1.Corpus --server 10.0.0.7:7700
            """
    )

    @Option(help: "A service name, e.g. corpus.v1.Corpus (default: the whole server).") var service = ""
    @OptionGroup var client: ClientOptions

    func run() async throws {
        let (service, json, options) = (self.service, client.json, client.callOptions)
        try await RemoteCommand.run(client) { client, output in
            let status = try await Self.execute(
                service: service,
                client: client,
                json: json,
                options: options,
                output: output
            )
            guard status == .serving else {
                throw CorpusError(code: .unavailable, message: "the server is \(status)")
            }
        }
    }

    static func execute(
        service: String,
        client: CorpusClient,
        json: Bool,
        options: CallOptions,
        output: Output
    ) async throws -> Corpus_V1_HealthCheckResponse.ServingStatus {
        let status = try await client.health(service: service, options: options)
        var response = Corpus_V1_HealthCheckResponse()
        response.status = status
        output.line(json ? ProtoJSON.line(response) : "\(Self.name(status))")
        return status
    }

    static func name(_ status: Corpus_V1_HealthCheckResponse.ServingStatus) -> String {
        switch status {
        case .serving: "SERVING"
        case .notServing: "NOT_SERVING"
        case .serviceUnknown: "SERVICE_UNKNOWN"
        default: "UNKNOWN"
        }
    }
}
