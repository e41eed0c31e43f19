public import CorpusProtocol
public import Logging
public import NIOCore
internal import Synchronization

/// One client connection: the thread-safe handle on a channel running ``ClientConnectionHandler``.
///
/// Many calls may be in flight at once from any number of tasks. Establishing the TCP connection
/// is the job of the caller (the client library uses `ClientBootstrap`); ``configure(channel:configuration:logger:)``
/// installs the protocol on a connected channel.
public struct ClientConnection: Sendable {
    /// The underlying channel.
    public let channel: any Channel
    let handler: NIOLoopBound<ClientConnectionHandler>
    let status: ConnectionStatus
    /// This side's `INITIAL_CREDIT`: streams grant more after consuming half of it.
    let initialCredit: Int
    /// Decompresses responses on the calling task's thread.
    let inflater: MessageInflater

    /// The connection's event loop.
    public var eventLoop: any EventLoop { channel.eventLoop }

    /// Installs the decoder and the connection handler on `channel`. Call it on the channel's
    /// event loop, typically from a bootstrap's channel initializer.
    ///
    /// - Returns: The connection, and a future that succeeds when the server's SETTINGS arrived.
    public static func configure(
        channel: any Channel,
        configuration: ClientConnectionConfiguration = .defaults,
        logger: Logger
    ) throws -> (ClientConnection, EventLoopFuture<Void>) {
        channel.eventLoop.preconditionInEventLoop()
        let status = ConnectionStatus()
        let handler = ClientConnectionHandler(configuration: configuration, status: status, logger: logger)
        try channel.pipeline.syncOperations.addHandler(ReceivedBytesCounter(status: status))
        try channel.pipeline.syncOperations.addHandler(handler)
        let ready = handler.ready ?? channel.eventLoop.makeSucceededFuture(())
        let connection = ClientConnection(
            channel: channel,
            handler: NIOLoopBound(handler, eventLoop: channel.eventLoop),
            status: status,
            initialCredit: configuration.settings.initialCredit,
            inflater: MessageInflater(
                acceptsCompressed: configuration.settings.acceptsZlib,
                maxMessageSize: configuration.settings.maxMessageSize,
                status: status
            )
        )
        return (connection, ready)
    }

    /// Whether new calls can start on this connection (handshake done, no GOAWAY, not closed).
    public var isAvailable: Bool { status.isAvailable }

    /// Calls currently open on this connection.
    public var openCalls: Int { status.openCalls }

    /// Bytes this connection has sent and received so far.
    public var transferCounts: TransferCounts { status.transfer }

    /// Makes a unary call with raw message bytes.
    ///
    /// Cancelling the calling task cancels the call on the wire.
    ///
    /// - Returns: The response message bytes (decompressed).
    /// - Throws: ``CorpusError`` with the call's status.
    public func unary(
        _ method: MethodDescriptor,
        request: ByteBuffer,
        options: CallOptions = .defaults
    ) async throws -> ByteBuffer {
        let promise = eventLoop.makePromise(of: ReceivedMessage.self)
        let token = ClientCallToken()
        let pending = PendingCall(
            token: token,
            method: method,
            request: request,
            options: options,
            responder: .unary(promise)
        )
        let handler = self.handler
        if eventLoop.inEventLoop {
            handler.value.startCall(pending)
        } else {
            eventLoop.execute { handler.value.startCall(pending) }
        }
        let eventLoop = self.eventLoop
        let received = try await withTaskCancellationHandler {
            try await promise.futureResult.get()
        } onCancel: {
            eventLoop.execute { handler.value.cancel(token: token) }
        }
        return try inflater.decode(received)
    }

    /// Starts a server-streaming call with raw message bytes.
    ///
    /// The call starts at once; iterate the returned sequence to receive the responses. Leaving
    /// the loop early, dropping the sequence or cancelling the task cancels the call on the wire.
    public func serverStreaming(
        _ method: MethodDescriptor,
        request: ByteBuffer,
        options: CallOptions = .defaults
    ) -> ClientResponseStream {
        let token = ClientCallToken()
        let handler = self.handler
        let eventLoop = self.eventLoop
        let threshold = max(1, initialCredit / 2)
        let inbound = StreamInbound(
            grantThreshold: threshold,
            inflater: inflater,
            grantCredit: { count in eventLoop.execute { handler.value.grantCredit(token: token, count: count) } },
            cancelCall: { code in eventLoop.execute { handler.value.cancel(token: token, code: code) } }
        )
        let pending = PendingCall(
            token: token,
            method: method,
            request: request,
            options: options,
            responder: .stream(inbound)
        )
        if eventLoop.inEventLoop {
            handler.value.startCall(pending)
        } else {
            eventLoop.execute { handler.value.startCall(pending) }
        }
        return ClientResponseStream(inbound: inbound)
    }

    /// Stops new calls, lets the open ones finish, then closes the connection.
    public func closeGracefully() {
        let handler = self.handler
        eventLoop.execute { handler.value.closeGracefully() }
    }

    /// Closes the connection now; open calls fail with `UNAVAILABLE`.
    public func close() async {
        try? await channel.close()
    }

    /// Completes when the connection has closed.
    public var closeFuture: EventLoopFuture<Void> { channel.closeFuture }
}

/// Counts the bytes read from the socket, for ``ClientConnection/transferCounts``.
final class ReceivedBytesCounter: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let status: ConnectionStatus

    init(status: ConnectionStatus) {
        self.status = status
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        status.wireBytesReceived.add(Self.unwrapInboundIn(data).readableBytes, ordering: .relaxed)
        context.fireChannelRead(data)
    }
}
