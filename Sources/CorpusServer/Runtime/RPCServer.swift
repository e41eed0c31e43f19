public import CorpusTransport
public import Logging
public import NIOCore
internal import NIOPosix
public import ServiceLifecycle
internal import Synchronization

/// A server for the corpus RPC protocol, independent of what it serves: it binds a TCP port,
/// runs the protocol on every connection and dispatches calls to an ``CorpusTransport/RPCRouter``.
///
/// It is a `Service` (swift-service-lifecycle): ``run()`` serves until a graceful shutdown is
/// triggered (SIGTERM/SIGINT in a `ServiceGroup`, or ``beginGracefulShutdown()``), then stops
/// accepting, sends GOAWAY on every connection, lets in-flight calls finish within the grace
/// period and returns when every connection has closed.
public final class RPCServer: Service, Sendable {
    /// Where to listen and the limits to apply.
    public struct Configuration: Sendable {
        /// The address to bind, e.g. `127.0.0.1`.
        public var host: String
        /// The port to bind; 0 picks a free one (see ``RPCServer/listeningAddress``).
        public var port: Int
        /// Per-connection settings, limits and timers.
        public var connection: ServerConnectionConfiguration
        /// Connections beyond this many are refused with GOAWAY `TOO_MANY_CONNECTIONS`.
        public var maxConnections: Int

        /// `127.0.0.1:7700`, the connection defaults and 4,096 connections.
        public static var defaults: Configuration {
            Configuration(host: "127.0.0.1", port: 7700, connection: .defaults, maxConnections: 4096)
        }

        public init(host: String, port: Int, connection: ServerConnectionConfiguration, maxConnections: Int) {
            self.host = host
            self.port = port
            self.connection = connection
            self.maxConnections = maxConnections
        }
    }

    private struct State {
        var address: Result<SocketAddress, any Error>?
        var addressWaiters: [CheckedContinuation<SocketAddress, any Error>] = []
        var listener: (any Channel)?
        var connections: [ObjectIdentifier: any Channel] = [:]
        var shuttingDown = false
    }

    private let router: RPCRouter
    private let configuration: Configuration
    private let group: any EventLoopGroup
    private let observer: (any ServerCallObserver)?
    private let logger: Logger
    private let state = Mutex(State())

    /// Creates a server; nothing happens until ``run()``.
    ///
    /// - Parameters:
    ///   - router: The methods to serve.
    ///   - configuration: Address and limits.
    ///   - group: The event loops to serve on (`nil`: NIO's shared group, one loop per core).
    ///   - observer: Receives connection and call events (metrics).
    ///   - logger: Connection events are logged at `info`, calls at `debug`.
    public init(
        router: RPCRouter,
        configuration: Configuration = .defaults,
        group: (any EventLoopGroup)? = nil,
        observer: (any ServerCallObserver)? = nil,
        logger: Logger
    ) {
        self.router = router
        self.configuration = configuration
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
        self.observer = observer
        self.logger = logger
    }

    /// The bound address, once ``run()`` has bound the port. Waits until then.
    ///
    /// - Throws: The bind error if binding failed.
    public var listeningAddress: SocketAddress {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<SocketAddress, any Error>? = state.withLock { state in
                    if let address = state.address { return address }
                    state.addressWaiters.append(continuation)
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        }
    }

    /// Binds and serves until shut down. See ``RPCServer``.
    public func run() async throws {
        let listener: any Channel
        do {
            listener = try await bind()
        } catch {
            publishAddress(.failure(error))
            throw error
        }
        guard let address = listener.localAddress else {
            let error = ChannelError.unknownLocalAddress
            publishAddress(.failure(error))
            throw error
        }
        let alreadyShuttingDown = state.withLock { state in
            state.listener = listener
            return state.shuttingDown
        }
        publishAddress(.success(address))
        logger.info("listening", metadata: ["address": "\(address)"])
        if alreadyShuttingDown {
            beginGracefulShutdown()
        }

        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                try await listener.closeFuture.get()
                await waitForConnectionsToClose()
            } onGracefulShutdown: {
                self.beginGracefulShutdown()
            }
        } onCancel: {
            self.closeNow()
        }
        logger.info("stopped", metadata: ["address": "\(address)"])
    }

    /// Stops accepting connections and shuts every connection down gracefully (GOAWAY, in-flight
    /// calls finish within the grace period). ``run()`` returns once all have closed.
    public func beginGracefulShutdown() {
        let (listener, connections) = state.withLock { state in
            state.shuttingDown = true
            return (state.listener, Array(state.connections.values))
        }
        guard let listener else { return }
        logger.info("shutting down", metadata: ["connections": "\(connections.count)"])
        listener.close(promise: nil)
        for connection in connections {
            connection.pipeline.fireUserInboundEventTriggered(ServerConnectionHandler.GracefulShutdownEvent())
        }
    }

    /// Closes the listener and every connection at once.
    private func closeNow() {
        let (listener, connections) = state.withLock { state in
            state.shuttingDown = true
            return (state.listener, Array(state.connections.values))
        }
        listener?.close(promise: nil)
        for connection in connections {
            connection.close(promise: nil)
        }
    }

    /// The number of open connections.
    public var connectionCount: Int {
        state.withLock { $0.connections.count }
    }

    // MARK: - Internals

    private func bind() async throws -> any Channel {
        let router = self.router
        let configuration = self.configuration
        let observer = self.observer
        let logger = self.logger
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { [weak self] channel in
                channel.eventLoop.makeCompletedFuture {
                    guard let self, self.track(channel) else {
                        try channel.pipeline.syncOperations.configureCorpusRejection(
                            message: "the server is at its limit of \(configuration.maxConnections) connections"
                        )
                        return
                    }
                    try channel.pipeline.syncOperations.configureCorpusServerPipeline(
                        router: router,
                        configuration: configuration.connection,
                        observer: observer,
                        logger: logger
                    )
                }
            }
            .bind(host: configuration.host, port: configuration.port)
            .get()
    }

    /// Registers a new connection; returns `false` when it must be refused.
    private func track(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let accepted = state.withLock { state -> Bool in
            guard !state.shuttingDown, state.connections.count < configuration.maxConnections else { return false }
            state.connections[id] = channel
            return true
        }
        if accepted {
            channel.closeFuture.whenComplete { [weak self] _ in
                self?.untrack(id)
            }
        }
        return accepted
    }

    private func untrack(_ id: ObjectIdentifier) {
        state.withLock { _ = $0.connections.removeValue(forKey: id) }
    }

    private func waitForConnectionsToClose() async {
        let connections = state.withLock { Array($0.connections.values) }
        for connection in connections {
            try? await connection.closeFuture.get()
        }
    }

    private func publishAddress(_ result: Result<SocketAddress, any Error>) {
        let waiters = state.withLock { state in
            state.address = result
            defer { state.addressWaiters.removeAll() }
            return state.addressWaiters
        }
        for waiter in waiters {
            waiter.resume(with: result)
        }
    }
}
