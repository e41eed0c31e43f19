public import CorpusEngine
internal import CorpusTransport
public import Logging
public import NIOCore
public import ServiceLifecycle

/// The corpus server: the `corpus.v1` service over a loaded corpus, on an ``RPCServer``.
///
/// Run it in a `ServiceGroup` (graceful shutdown on SIGTERM/SIGINT) or call ``run()`` directly:
///
/// ```swift
/// let loaded = await CorpusLoader().load(directory: "seeds")
/// let server = await CorpusServer(corpus: loaded.corpus, loadSummary: loaded.summary, logger: logger)
/// let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// try await group.run()
/// ```
public final class CorpusServer: Service, Sendable {
    /// The server's version, reported by `Stats` and `ServerInfo/ListMethods`.
    public static let version = "1.0.0"

    /// Address, limits and precomputation.
    public struct Configuration: Sendable {
        /// Where to listen and the per-connection limits.
        public var rpc: RPCServer.Configuration
        /// How the service precomputes responses.
        public var service: CorpusService.Configuration

        /// `127.0.0.1:7700` and the defaults of ``RPCServer/Configuration`` and
        /// ``CorpusService/Configuration``.
        public static var defaults: Configuration {
            Configuration(rpc: .defaults, service: .defaults)
        }

        public init(rpc: RPCServer.Configuration, service: CorpusService.Configuration) {
            self.rpc = rpc
            self.service = service
        }
    }

    /// The methods and their state.
    public let service: CorpusService
    /// The server's counters (also reported by `Stats`).
    public let statistics: ServerStatistics
    private let server: RPCServer

    /// Creates the server and pre-encodes the articles; it does not bind until ``run()``.
    ///
    /// - Parameters:
    ///   - corpus: The corpus to serve.
    ///   - loadSummary: The loader's summary, for `Stats`.
    ///   - configuration: Address, limits, precomputation.
    ///   - group: Event loops (`nil`: NIO's shared group).
    ///   - logger: Connections log at `info`, calls at `debug`.
    public init(
        corpus: Corpus,
        loadSummary: LoadSummary? = nil,
        configuration: Configuration = .defaults,
        group: (any EventLoopGroup)? = nil,
        logger: Logger
    ) async {
        let statistics = ServerStatistics()
        let service = await CorpusService(
            corpus: corpus,
            loadSummary: loadSummary,
            statistics: statistics,
            configuration: configuration.service
        )
        var router = RPCRouter()
        service.register(in: &router)
        self.service = service
        self.statistics = statistics
        self.server = RPCServer(
            router: router,
            configuration: configuration.rpc,
            group: group,
            observer: statistics,
            logger: logger
        )
    }

    /// Binds and serves until a graceful shutdown; see ``RPCServer/run()``.
    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await server.run()
        } onGracefulShutdown: {
            self.service.setServing(false)
        }
    }

    /// The bound address, once ``run()`` has bound the port.
    public var listeningAddress: SocketAddress {
        get async throws { try await server.listeningAddress }
    }

    /// Starts a graceful shutdown: the health check turns `NOT_SERVING`, then the server stops
    /// accepting and drains its connections.
    public func beginGracefulShutdown() {
        service.setServing(false)
        server.beginGracefulShutdown()
    }
}
