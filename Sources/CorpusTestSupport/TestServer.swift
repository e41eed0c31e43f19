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
    return try await withRunningServer(
        server,
        run: { try await $0.run() },
        address: { try await $0.listeningAddress },
        shutDown: { $0.beginGracefulShutdown() },
        body
    )
}

/// Runs `server` in a child task while `body` runs with its address, then shuts it down
/// gracefully and waits for it to stop (also when `body` throws).
func withRunningServer<Server: Sendable, Result: Sendable>(
    _ server: Server,
    run: @escaping @Sendable (Server) async throws -> Void,
    address: (Server) async throws -> SocketAddress,
    shutDown: (Server) -> Void,
    _ body: @Sendable (SocketAddress, Server) async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
        group.addTask { try await run(server) }
        let bound: SocketAddress
        do {
            bound = try await address(server)
        } catch {
            group.cancelAll()
            throw error
        }
        do {
            let result = try await body(bound, server)
            shutDown(server)
            try await group.waitForAll()
            return result
        } catch {
            shutDown(server)
            try? await group.waitForAll()
            throw error
        }
    }
}
