internal import CorpusProtocol
public import Logging
public import NIOCore

/// Serves the calls of one connection: the server half of `PROTOCOL.md`.
///
/// It reads raw bytes and cuts them into frames itself (a `FrameReader`), and writes encoded
/// frames itself (through ``FrameEncoder``). Connection rules live in
/// ``ServerConnectionStateMachine``; this class keeps the running calls and carries out
/// decisions. Responses produced while reading are collected in one buffer and written with a
/// single flush per read burst, as a bare SwiftNIO server would.
///
/// Handlers run as described in ``RPCRouter``: inline handlers on this event loop, the others in
/// tasks that hop back here to write.
public final class ServerConnectionHandler: ChannelInboundHandler, FrameReading {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// Fire this as a user inbound event to start a graceful shutdown of the connection.
    public struct GracefulShutdownEvent: Sendable {
        public init() {}
    }

    let router: RPCRouter
    let configuration: ServerConnectionConfiguration
    let observer: (any ServerCallObserver)?
    var logger: Logger

    var stateMachine: ServerConnectionStateMachine
    var compression: MessageCompression
    var calls: [UInt32: ActiveCall] = [:]
    var context: ChannelHandlerContext?
    var remoteAddress: SocketAddress?

    /// Cuts the inbound bytes into frames.
    var reader: FrameReader
    var output = ByteBuffer()
    var readingBurst = false
    var flushScheduled = false
    var bytesWritten = 0

    var handshakeTimer: Scheduled<Void>?
    var idleTimer: Scheduled<Void>?
    var keepaliveTimer: Scheduled<Void>?
    var graceTimer: Scheduled<Void>?
    var lastReadTime = NIODeadline.now()
    /// When the last call ended (or the handshake completed), for the idle timeout.
    var lastCallEnded = NIODeadline.now()
    var keepalivePingSentAt: NIODeadline?
    var connectionClosed = false
    var tornDown = false

    /// The event loop's clock (a test loop's virtual time under `EmbeddedEventLoop`).
    var now: NIODeadline { context?.eventLoop.now ?? .now() }

    /// Creates the handler for one connection.
    ///
    /// - Parameters:
    ///   - router: The methods to serve.
    ///   - configuration: Limits and timers.
    ///   - observer: Receives metrics events.
    ///   - logger: The server's logger; connection events log at `info`, calls at `debug`.
    public init(
        router: RPCRouter,
        configuration: ServerConnectionConfiguration,
        observer: (any ServerCallObserver)? = nil,
        logger: Logger
    ) {
        self.router = router
        self.configuration = configuration
        self.observer = observer
        self.logger = logger
        self.reader = FrameReader(
            decoder: FrameDecoder(maxFrameSize: configuration.settings.maxFrameSize, expectPreface: true)
        )
        self.stateMachine = ServerConnectionStateMachine(
            maxConcurrentCalls: configuration.settings.maxConcurrentCalls
        )
        self.compression = MessageCompression(
            threshold: configuration.compressionThreshold,
            level: configuration.compressionLevel,
            acceptsCompressed: configuration.settings.acceptsZlib,
            maxMessageSize: configuration.settings.maxMessageSize
        )
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.lastReadTime = context.eventLoop.now
        self.lastCallEnded = context.eventLoop.now
        if context.channel.isActive {
            start(context: context)
        }
    }

    public func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        tearDown(reason: "handler removed")
        compression.end()
        self.context = nil
    }

    public func channelInactive(context: ChannelHandlerContext) {
        endOfFrames()
        tearDown(reason: "connection closed")
        context.fireChannelInactive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        readingBurst = true
        lastReadTime = now
        keepalivePingSentAt = nil
        receiveFrames(in: Self.unwrapInboundIn(data))
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        readingBurst = false
        flushOutput()
        context.fireChannelReadComplete()
    }

    public func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            for callID in calls.keys.sorted() where calls[callID]?.outbound?.hasPending == true {
                drain(callID: callID)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is GracefulShutdownEvent {
            beginGracefulShutdown()
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let decoderError = error as? FrameDecoder.Error {
            connectionError(decoderError.connectionError, detail: decoderError.description)
        } else {
            logger.debug("connection error", metadata: ["error": "\(error)"])
            connectionError(ConnectionError(code: .internalError, message: "connection failed"), detail: "\(error)")
        }
    }

    // MARK: - Frames

    func receive(_ frame: Frame) {
        switch frame {
        case .preface(let version):
            apply(stateMachine.receivedPreface(version))
        case .settings(let entries):
            guard apply(stateMachine.receivedSettings(entries)) else { return }
            compression.peerAcceptsCompressed = stateMachine.peerSettings.acceptsZlib
            handshakeTimer?.cancel()
            handshakeTimer = nil
            observer?.connectionOpened(remoteAddress: remoteAddress)
            logger.info("connection opened", metadata: ["remote": "\(remoteAddress?.description ?? "?")"])
            lastCallEnded = now
            scheduleIdleCheck()
            scheduleKeepalive()
        default:
            guard apply(stateMachine.checkHandshake(for: frame.type)) else { return }
            receiveAfterHandshake(frame)
        }
    }

    private func receiveAfterHandshake(_ frame: Frame) {
        switch frame {
        case .headers(let callID, let headers):
            openCall(callID: callID, headers: headers)
        case .message(let callID, let flags, let payload):
            guard calls[callID] != nil else {
                apply(stateMachine.receivedFrameForClosedCall(callID: callID, type: .message))
                return
            }
            receiveRequest(callID: callID, flags: flags, payload: payload)
        case .cancel(let callID, let code):
            guard calls[callID] != nil else {
                apply(stateMachine.receivedFrameForClosedCall(callID: callID, type: .cancel))
                return
            }
            cancelCall(callID: callID, code: code)
        case .credit(let callID, let increment):
            guard let call = calls[callID] else {
                apply(stateMachine.receivedFrameForClosedCall(callID: callID, type: .credit))
                return
            }
            if let outbound = call.outbound {
                guard outbound.addCredit(increment) else {
                    connectionError(
                        ConnectionError(code: .flowControlError, message: "credit of call \(callID) exceeds 2^31-1")
                    )
                    return
                }
                drain(callID: callID)
            }
        case .ping(let ack, let payload):
            if !ack {
                write(.ping(ack: true, payload: payload))
            }
        case .goAway:
            if stateMachine.receivedGoAway() {
                closeConnection()
            }
        case .trailers:
            connectionError(ConnectionError(code: .protocolError, message: "clients must not send TRAILERS"))
        case .unknown:
            break  // Unknown frame types are skipped (PROTOCOL.md § 11).
        case .preface, .settings:
            break  // Handled in `receive`.
        }
    }

    /// Carries out a state-machine decision; returns whether to go on with the frame.
    @discardableResult
    func apply(_ decision: ServerConnectionStateMachine.Decision) -> Bool {
        switch decision {
        case .proceed:
            return true
        case .ignore:
            return false
        case .connectionError(let error):
            connectionError(error)
            return false
        }
    }

    // MARK: - Output

    /// Appends a frame to the pending output.
    func write(_ frame: Frame) {
        FrameEncoder().encode(frame, into: &output)
        scheduleFlush()
    }

    /// Makes sure pending output is flushed: at the end of the read burst, or on the next
    /// event-loop tick when the write comes from a task.
    func scheduleFlush() {
        guard !readingBurst, !flushScheduled, let context else { return }
        flushScheduled = true
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let handler = loopBound.value
            handler.flushScheduled = false
            handler.flushOutput()
        }
    }

    func flushOutput(promise: EventLoopPromise<Void>? = nil) {
        guard let context else {
            promise?.succeed(())
            return
        }
        if output.readableBytes > 0 {
            bytesWritten += output.readableBytes
            context.write(Self.wrapOutboundOut(output), promise: promise)
            output = context.channel.allocator.buffer(capacity: 0)
            context.flush()
        } else {
            promise?.succeed(())
        }
        if bytesWritten > 0 {
            observer?.bytesTransferred(read: 0, written: bytesWritten)
            bytesWritten = 0
        }
    }
}
