internal import CorpusProtocol
public import CorpusTransport
public import Logging
public import NIOCore
internal import NIOPosix
public import ServiceLifecycle

/// The client of the corpus service: typed async calls, streams as `AsyncSequence`, deadlines,
/// cancellation, reconnection and retries, over a small pool of connections.
///
/// Run it with ``withCorpusClient(_:group:logger:_:)``, or put it in a `ServiceGroup` and call its
/// methods while ``run()`` runs. One client is meant to be shared by many tasks.
///
/// ```swift
/// try await withCorpusClient(.defaults(target: .init(host: "127.0.0.1", port: 7700))) { client in
///     let article = try await client.article(id: "000_f9a3dc24e25b1244")
///     for try await hit in client.search("dai hoi dang bo", limit: 10) {
///         print(hit.score, hit.title)
///     }
/// }
/// ```
public final class CorpusClient: Service, Sendable {
    /// The configuration the client was created with.
    public let configuration: Configuration
    let pool: ConnectionPool
    let group: any EventLoopGroup
    let logger: Logger

    /// Creates a client; it connects once ``run()`` runs.
    ///
    /// - Parameters:
    ///   - configuration: Targets, pool size, backoff, retries and timeouts.
    ///   - group: Event loops for the connections (`nil`: NIO's shared group).
    ///   - logger: Connection events are logged at `debug`.
    public init(configuration: Configuration, group: (any EventLoopGroup)? = nil, logger: Logger? = nil) {
        self.configuration = configuration
        self.pool = ConnectionPool(retryWakeInterval: configuration.backoff.initial)
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
        self.logger = logger ?? Logger(label: "corpus.client", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// Maintains the connections until the task is cancelled or a graceful shutdown is triggered;
    /// then closes them once their calls have finished.
    ///
    /// - Important: Calls made before `run()` starts wait for it (up to their deadline); calls made
    ///   after the client shut down fail with `UNAVAILABLE`.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await pool.run(configuration: configuration, group: group, logger: logger)
        } onGracefulShutdown: {
            self.pool.shutDown()
        }
    }

    /// Bytes sent and received so far, on the wire and as messages, over all connections.
    public var transferCounts: TransferCounts { pool.transferCounts }

    /// Stops the client: new calls fail, connections close after their calls end, and ``run()``
    /// returns.
    public func shutDown() {
        pool.shutDown()
    }
}

/// Runs a ``CorpusClient`` for the duration of `body`, then shuts it down.
///
/// - Parameters:
///   - configuration: Where to connect and how.
///   - group: Event loops (`nil`: NIO's shared group).
///   - logger: The client's logger.
///   - body: Uses the client.
/// - Returns: What `body` returns.
public func withCorpusClient<Result: Sendable>(
    _ configuration: CorpusClient.Configuration,
    group: (any EventLoopGroup)? = nil,
    logger: Logger? = nil,
    _ body: (CorpusClient) async throws -> Result
) async throws -> Result {
    let client = CorpusClient(configuration: configuration, group: group, logger: logger)
    client.pool.start()
    return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { tasks in
        tasks.addTask { try await client.run() }
        do {
            let result = try await body(client)
            client.shutDown()
            try await tasks.waitForAll()
            return result
        } catch {
            client.shutDown()
            try? await tasks.waitForAll()
            throw error
        }
    }
}
