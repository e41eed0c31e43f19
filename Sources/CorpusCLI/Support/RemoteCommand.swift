import ArgumentParser
import CorpusClient
import CorpusProtocol

/// Runs a command against a server: creates the client, maps failures to one line on stderr
/// (`error: NOT_FOUND: no article with id "nope"`) and an exit status per kind of failure.
enum RemoteCommand {
    static func run(
        _ options: ClientOptions,
        configure: (inout CorpusClient.Configuration) -> Void = { _ in },
        _ body: @Sendable (CorpusClient, Output) async throws -> Void
    ) async throws {
        let output = Output(color: !options.json && Terminal.stdoutIsColorTerminal)
        do {
            var configuration = try options.clientConfiguration()
            configure(&configuration)
            try await withCorpusClient(configuration) { client in
                try await body(client, output)
            }
        } catch let error as CorpusError {
            Terminal.error("error: \(error.code.name): \(error.message)")
            throw ExitCode(ExitCodes.status(for: error.code))
        }
    }
}

extension ExitCodes {
    /// The exit status for a failed call.
    static func status(for code: CorpusError.Code) -> Int32 {
        switch code {
        case .invalidArgument, .outOfRange, .failedPrecondition: invalidArgument
        case .notFound: notFound
        case .unavailable: unavailable
        case .deadlineExceeded: deadlineExceeded
        case .resourceExhausted: resourceExhausted
        case .cancelled: cancelled
        default: serverError
        }
    }
}
