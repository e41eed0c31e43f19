internal import CorpusProtocol
internal import Logging
public import NIOCore
internal import Synchronization

/// Runs the client half of `PROTOCOL.md` on one connection: the handshake, call ids, requests,
/// responses, credit for streams, deadlines, cancellation and GOAWAY.
///
/// All methods run on the channel's event loop; ``ClientConnection`` is the thread-safe face of
/// it. Requests written during one event-loop tick go out with one flush.
public final class ClientConnectionHandler: ChannelInboundHandler, FrameReading {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    enum Phase: Equatable {
        case awaitingPreface
        case awaitingSettings
        case ready
        /// The server sent GOAWAY: no new calls; calls up to `lastCallID` finish.
        case goingAway(lastCallID: UInt32)
        case closed
    }

    let configuration: ClientConnectionConfiguration
    let status: ConnectionStatus
    var logger: Logger
    var phase = Phase.awaitingPreface
    var peerSettings = ConnectionSettings.protocolDefaults
    var compression: MessageCompression
    var calls: [UInt32: ClientCall] = [:]
    var queued: [PendingCall] = []
    var nextCallID: UInt32 = 1
    var context: ChannelHandlerContext?
    /// Cuts the inbound bytes into frames.
    var reader: FrameReader
    var output = ByteBuffer()
    var flushScheduled = false
    var readyPromise: EventLoopPromise<Void>?
    var handshakeTimer: Scheduled<Void>?
    /// Why the connection can no longer carry calls.
    var unavailableReason: String?
    var closeWhenIdle = false
    /// Streams with a consumer to wake at the end of this read burst.
    var pendingWakes: [StreamInbound] = []

    init(configuration: ClientConnectionConfiguration, status: ConnectionStatus, logger: Logger) {
        self.reader = FrameReader(
            decoder: FrameDecoder(maxFrameSize: configuration.settings.maxFrameSize, expectPreface: true)
        )
        self.configuration = configuration
        self.status = status
        self.logger = logger
        self.compression = MessageCompression(
            threshold: configuration.compressionThreshold,
            level: configuration.compressionLevel,
            acceptsCompressed: configuration.settings.acceptsZlib,
            maxMessageSize: configuration.settings.maxMessageSize
        )
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.readyPromise = context.eventLoop.makePromise(of: Void.self)
        if context.channel.isActive {
            start(context: context)
        }
    }

    public func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        failEverything(reason: unavailableReason ?? "connection closed")
        compression.end()
        self.context = nil
    }

    public func channelInactive(context: ChannelHandlerContext) {
        endOfFrames()
        failEverything(reason: unavailableReason ?? "connection closed")
        context.fireChannelInactive()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let decoderError = error as? FrameDecoder.Error {
            connectionError(decoderError.connectionError)
        } else {
            unavailableReason = "connection failed: \(error)"
            context.close(promise: nil)
        }
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        receiveFrames(in: Self.unwrapInboundIn(data))
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        // Wake each waiting stream consumer once per read burst, not once per message.
        wakeStreamConsumers()
        context.fireChannelReadComplete()
    }

    /// Wakes the stream consumers that messages arrived for since the last wake.
    func wakeStreamConsumers() {
        guard !pendingWakes.isEmpty else { return }
        let wakes = pendingWakes
        pendingWakes.removeAll(keepingCapacity: true)
        for inbound in wakes { inbound.wake() }
    }

    private func start(context: ChannelHandlerContext) {
        guard phase == .awaitingPreface, handshakeTimer == nil else { return }
        FrameEncoder().writePreface(into: &output)
        FrameEncoder().encode(.settings(configuration.settings.entries), into: &output)
        flushOutput()
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        handshakeTimer = context.eventLoop.scheduleTask(in: configuration.handshakeTimeout) {
            let handler = loopBound.value
            guard handler.phase == .awaitingPreface || handler.phase == .awaitingSettings else { return }
            handler.unavailableReason = "the server did not complete the handshake in time"
            handler.context?.close(promise: nil)
        }
    }

    /// Succeeds once the server's SETTINGS arrived; fails if the connection closes first.
    var ready: EventLoopFuture<Void>? { readyPromise?.futureResult }

    // MARK: - Frames

    func receive(_ frame: Frame) {
        switch frame {
        case .preface:
            guard phase == .awaitingPreface else {
                return connectionError(ConnectionError(code: .protocolError, message: "unexpected preface"))
            }
            phase = .awaitingSettings
        case .settings(let entries):
            guard phase == .awaitingSettings else {
                return connectionError(ConnectionError(code: .protocolError, message: "unexpected SETTINGS"))
            }
            peerSettings = ConnectionSettings(entries: entries)
            compression.peerAcceptsCompressed = peerSettings.acceptsZlib
            phase = .ready
            handshakeTimer?.cancel()
            handshakeTimer = nil
            status.setAvailable(true)
            readyPromise?.succeed(())
            readyPromise = nil
            startQueuedCalls()
        case .message(let callID, let flags, let payload):
            receiveMessage(callID: callID, flags: flags, payload: payload)
        case .trailers(let callID, let trailers):
            guard calls[callID] != nil else { return ignoreOrFail(callID: callID, type: .trailers) }
            complete(callID: callID, status: trailers.status, metadata: trailers.metadata)
        case .cancel(let callID, let code):
            guard calls[callID] != nil else { return ignoreOrFail(callID: callID, type: .cancel) }
            complete(callID: callID, status: Status(code: code, message: "cancelled by the server"), metadata: [:])
        case .credit:
            break  // Clients send one request message, always within credit.
        case .ping(let ack, let payload):
            if !ack { write(.ping(ack: true, payload: payload)) }
        case .goAway(let goAway) where phase == .awaitingSettings:
            // A refused connection: GOAWAY instead of SETTINGS (PROTOCOL.md § 2.2).
            unavailableReason = "the server refused the connection: \(goAway.code): \(goAway.message)"
            context?.close(promise: nil)
        case .goAway(let goAway):
            receivedGoAway(goAway)
        case .headers:
            connectionError(ConnectionError(code: .protocolError, message: "servers must not send HEADERS"))
        case .unknown:
            break
        }
    }

    private func ignoreOrFail(callID: UInt32, type: FrameType) {
        if callID >= nextCallID {
            connectionError(
                ConnectionError(code: .protocolError, message: "\(type) for call \(callID), which was never opened")
            )
        }
    }

    private func receivedGoAway(_ goAway: GoAway) {
        let reason =
            goAway.code == .noError
            ? "the server is going away: \(goAway.message)" : "the server closed the connection: \(goAway)"
        unavailableReason = reason
        phase = .goingAway(lastCallID: goAway.lastCallID)
        status.setAvailable(false)
        logger.debug("GOAWAY received", metadata: ["code": "\(goAway.code)", "message": "\(goAway.message)"])
        // Calls above the last id were not processed: fail them so they can be retried elsewhere.
        for callID in calls.keys.sorted() where callID > goAway.lastCallID {
            fail(callID: callID, error: Self.notProcessed(reason))
        }
        for pending in queued {
            pending.fail(Self.notProcessed(reason))
        }
        queued.removeAll()
        if calls.isEmpty {
            context?.close(promise: nil)
        }
    }

    /// Sends GOAWAY for a violation by the server and closes.
    func connectionError(_ error: ConnectionError) {
        guard phase != .closed else { return }
        logger.debug("connection error", metadata: ["code": "\(error.code)", "message": "\(error.message)"])
        write(.goAway(GoAway(lastCallID: 0, code: error.code, message: error.message)))
        flushOutput()
        unavailableReason = "protocol violation by the server: \(error)"
        context?.close(promise: nil)
    }

    // MARK: - Output

    func write(_ frame: Frame) {
        FrameEncoder().encode(frame, into: &output)
        scheduleFlush()
    }

    func scheduleFlush() {
        guard !flushScheduled, let context else { return }
        flushScheduled = true
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let handler = loopBound.value
            handler.flushScheduled = false
            handler.flushOutput()
        }
    }

    func flushOutput() {
        guard let context, output.readableBytes > 0 else { return }
        status.wireBytesSent.add(output.readableBytes, ordering: .relaxed)
        context.writeAndFlush(Self.wrapOutboundOut(output), promise: nil)
        output = context.channel.allocator.buffer(capacity: 0)
    }

    static func notProcessed(_ reason: String) -> CorpusError {
        CorpusError(code: .unavailable, message: reason, cause: RequestNotProcessed())
    }
}

/// The cause of an `UNAVAILABLE` error for a call the server never processed (it was refused by
/// GOAWAY or never sent), which makes it safe to retry even when not idempotent.
public struct RequestNotProcessed: Error, Sendable, Hashable {
    public init() {}
}
