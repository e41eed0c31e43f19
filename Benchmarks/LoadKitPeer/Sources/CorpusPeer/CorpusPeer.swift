// corpus-peer: the corpus RPC protocol (our runtime: RPCServer, ClientConnection) serving the
// shared LoadKit exchanges, so it is measured side by side with nio-peer and grpc-peer.
//
//   corpus-peer serve --port 50081
//   corpus-peer load  --port 50081 --exchange article -c 16 -k 1 [--zlib-level 6]
//
// GetArticle answers inline with the article encoded once at start-up (and zlib-compressed once,
// at the level the server was started with): that is how the corpus server serves articles.
import ArgumentParser
import CorpusClient
import CorpusProtocol
import CorpusServer
import CorpusTransport
import LoadKit
import Logging
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

enum PeerMethods {
    static let article = MethodDescriptor(
        service: "bench.Articles", method: "GetArticle", kind: .unary, isIdempotent: true, requestType: "bytes",
        responseType: "bytes")
    static let ping = MethodDescriptor(
        service: "bench.Articles", method: "Ping", kind: .unary, isIdempotent: true, requestType: "bytes",
        responseType: "bytes")
    static let search = MethodDescriptor(
        service: "bench.Articles", method: "Search", kind: .serverStreaming, isIdempotent: true,
        requestType: "bytes", responseType: "bytes")
}

@main
struct CorpusPeer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus-peer",
        abstract: "The corpus protocol as a LoadKit peer: server and closed-loop load generator.",
        subcommands: [Serve.self, Load.self]
    )
}

struct Serve: AsyncParsableCommand {
    @Option var port = 50081
    @Option var host = "127.0.0.1"
    @Option(help: "zlib level for the article, compressed once at start-up.") var zlibLevel = 6

    func run() async throws {
        let article = ByteBuffer(bytes: Payloads.loadArticle())
        let compressor = Zlib.Compressor(level: zlibLevel)
        let encoded = EncodedMessage(bytes: article, compressor: compressor)
        compressor.end()
        let ping = ByteBuffer(bytes: Payloads.pingResponse)
        let messages = Payloads.searchMessages(article: Payloads.loadArticle()).map { ByteBuffer(bytes: $0) }

        var router = RPCRouter()
        router.registerRaw(PeerMethods.article, inline: { _, _ in .encoded(encoded) })
        router.registerRaw(PeerMethods.ping, inline: { _, _ in .bytes(ping) })
        router.registerRaw(PeerMethods.search, stream: { _, writer, _ in
            try await writer.write(contentsOf: messages)
        })
        var configuration = RPCServer.Configuration.defaults
        configuration.host = host
        configuration.port = port
        let server = RPCServer(
            router: router,
            configuration: configuration,
            logger: Logger(label: "corpus-peer", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let address = try await server.listeningAddress
            print("LISTENING \(address) pid=\(getpid())")
            flushStdout()
            try await group.waitForAll()
        }
    }
}

struct CorpusLoadClient: LoadClient {
    let connection: ClientConnection
    let options: CallOptions
    /// The request payloads, made once (a ByteBuffer is copy-on-write and never written here).
    static let articleRequest = ByteBuffer(bytes: Payloads.articleRequest)
    static let pingRequest = ByteBuffer(bytes: Payloads.pingRequest)
    static let searchRequest = ByteBuffer(bytes: Payloads.searchRequest)

    func call(_ exchange: Exchange) async throws -> CallResult {
        switch exchange {
        case .article:
            var reply = try await connection.unary(
                PeerMethods.article,
                request: Self.articleRequest,
                options: options
            )
            let bytes = reply.readBytes(length: reply.readableBytes) ?? []
            return CallResult(messages: 1, bytes: bytes.count)
        case .ping:
            var reply = try await connection.unary(PeerMethods.ping, request: Self.pingRequest)
            let bytes = reply.readBytes(length: reply.readableBytes) ?? []
            return CallResult(messages: 1, bytes: bytes.count)
        case .search:
            var count = 0
            var size = 0
            for try await var message in connection.serverStreaming(
                PeerMethods.search,
                request: Self.searchRequest,
                options: options
            ) {
                let bytes = message.readBytes(length: message.readableBytes) ?? []
                count += 1
                size += bytes.count
            }
            return CallResult(messages: count, bytes: size)
        }
    }
}

struct Load: AsyncParsableCommand {
    @OptionGroup var load: LoadOptions
    @Option(help: "0 = do not accept zlib; otherwise accept zlib (the server sends its pre-compressed article).")
    var zlibLevel = 0

    func run() async throws {
        var configuration = ClientConnectionConfiguration.defaults
        configuration.settings.acceptsZlib = zlibLevel > 0
        let address = try SocketAddress(ipAddress: load.host, port: load.port)
        var clients: [CorpusLoadClient] = []
        for _ in 0..<load.connections {
            let connection = try await ClientConnector.connect(
                to: address,
                group: MultiThreadedEventLoopGroup.singleton,
                configuration: configuration,
                logger: Logger(label: "corpus-peer", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            clients.append(CorpusLoadClient(connection: connection, options: .defaults))
        }
        let result = await LoadRunner.run(options: load, clients: clients)
        LoadRunner.report(result, options: load)
        for client in clients { await client.connection.close() }
    }
}
