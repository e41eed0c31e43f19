internal import CorpusProtocol
public import Logging
public import NIOCore

extension ChannelPipeline.SynchronousOperations {
    /// Installs the server side of the protocol: byte counting (with an observer) and a
    /// ``ServerConnectionHandler`` (which cuts the bytes into frames itself).
    public func configureCorpusServerPipeline(
        router: RPCRouter,
        configuration: ServerConnectionConfiguration,
        observer: (any ServerCallObserver)?,
        logger: Logger
    ) throws {
        if let observer {
            try addHandler(InboundByteCounter(observer: observer))
        }
        try addHandler(
            ServerConnectionHandler(router: router, configuration: configuration, observer: observer, logger: logger)
        )
    }

    /// Installs a handler that refuses the connection: it sends the preface and GOAWAY with
    /// `TOO_MANY_CONNECTIONS`, then closes (`PROTOCOL.md` §§ 2.2, 10).
    public func configureCorpusRejection(message: String) throws {
        try addHandler(ConnectionRejectionHandler(message: message))
    }
}

/// Answers a connection the server cannot take with GOAWAY `TOO_MANY_CONNECTIONS`.
final class ConnectionRejectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let message: String
    private var sent = false

    init(message: String) {
        self.message = message
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { reject(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        reject(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Whatever the client sends is dropped; the connection is closing.
    }

    private func reject(context: ChannelHandlerContext) {
        guard !sent else { return }
        sent = true
        var buffer = context.channel.allocator.buffer(capacity: 64)
        let encoder = FrameEncoder()
        encoder.writePreface(into: &buffer)
        encoder.encode(.goAway(GoAway(lastCallID: 0, code: .tooManyConnections, message: message)), into: &buffer)
        let channel = context.channel
        context.writeAndFlush(Self.wrapOutboundOut(buffer)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
