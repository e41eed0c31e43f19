public import CorpusServer
public import CorpusTransport
public import Logging
public import NIOCore

/// Runs an ``CorpusServer/RPCServer`` on `127.0.0.1` with an ephemeral port for the duration of
/// `body`, then shuts it down gracefully and waits for it to stop.
///
/// - Parameters:
///   - router: The methods to serve.
///   - configuration: Connection settings; host and port are forced to `127.0.0.1:0`.
///   - observer: Receives the server's events.
///   - body: Runs with the server's address and the server itself.
public func withTestServer<Result: Sendable>(
    router: RPCRouter,
    configuration: RPCServer.Configuration = .defaults,
    observer: (any ServerCallObserver)? = nil,
    logger: Logger = Logger(label: "test-server", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: @Sendable (SocketAddress, RPCServer) async throws -> Result
) async throws -> Result {
    var configuration = configuration
    configuration.host = "127.0.0.1"
    configuration.port = 0
    let server = RPCServer(router: router, configuration: configuration, observer: observer, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
        group.addTask { try await server.run() }
        let address: SocketAddress
        do {
            address = try await server.listeningAddress
        } catch {
            group.cancelAll()
            throw error
        }
        let result: Result
        do {
            result = try await body(address, server)
        } catch {
            server.beginGracefulShutdown()
            try? await group.waitForAll()
            throw error
        }
        server.beginGracefulShutdown()
        try await group.waitForAll()
        return result
    }
}
