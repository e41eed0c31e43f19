internal import CorpusProtocol
internal import Logging
internal import NIOCore
internal import Synchronization

/// Identifies one client call before and after its call id is assigned. Only touched on the
/// connection's event loop.
final class ClientCallToken: @unchecked Sendable {
    var callID: UInt32 = 0
    var cancelled = false
}

/// How a call delivers its response.
enum ClientCallResponder {
    case unary(EventLoopPromise<ReceivedMessage>)
    case stream(StreamInbound)

    func fail(_ error: CorpusError) {
        switch self {
        case .unary(let promise): promise.fail(error)
        case .stream(let inbound): inbound.finish(.failure(error))
        }
    }
}

/// A call waiting for a free slot under the server's `MAX_CONCURRENT_CALLS`.
struct PendingCall {
    let token: ClientCallToken
    let method: MethodDescriptor
    let request: ByteBuffer
    let options: CallOptions
    let responder: ClientCallResponder

    func fail(_ error: CorpusError) {
        responder.fail(error)
    }
}

/// An open call.
struct ClientCall {
    let token: ClientCallToken
    let responder: ClientCallResponder
    var response: ReceivedMessage?
    var deadlineTimer: Scheduled<Void>?
    var received = 0
    var granted: Int
}

/// Thread-safe facts about a connection, for pools choosing where to send a call, and its byte
/// counters.
final class ConnectionStatus: Sendable {
    private let available = Atomic<Bool>(false)
    private let open = Atomic<Int>(0)
    let wireBytesSent = Atomic<Int>(0)
    let wireBytesReceived = Atomic<Int>(0)
    let messageBytesSent = Atomic<Int>(0)
    let messageBytesReceived = Atomic<Int>(0)

    var isAvailable: Bool { available.load(ordering: .relaxed) }
    var openCalls: Int { open.load(ordering: .relaxed) }

    func setAvailable(_ value: Bool) { available.store(value, ordering: .relaxed) }
    func addOpen(_ delta: Int) { open.add(delta, ordering: .relaxed) }

    var transfer: TransferCounts {
        TransferCounts(
            wireBytesSent: wireBytesSent.load(ordering: .relaxed),
            wireBytesReceived: wireBytesReceived.load(ordering: .relaxed),
            messageBytesSent: messageBytesSent.load(ordering: .relaxed),
            messageBytesReceived: messageBytesReceived.load(ordering: .relaxed)
        )
    }
}

/// Bytes a client moved: on the wire (frames, compressed where compressed) and as messages
/// (serialized protobuf, before compression).
public struct TransferCounts: Sendable, Hashable {
    public var wireBytesSent: Int
    public var wireBytesReceived: Int
    public var messageBytesSent: Int
    public var messageBytesReceived: Int

    public init(
        wireBytesSent: Int = 0,
        wireBytesReceived: Int = 0,
        messageBytesSent: Int = 0,
        messageBytesReceived: Int = 0
    ) {
        self.wireBytesSent = wireBytesSent
        self.wireBytesReceived = wireBytesReceived
        self.messageBytesSent = messageBytesSent
        self.messageBytesReceived = messageBytesReceived
    }

    public static func + (lhs: TransferCounts, rhs: TransferCounts) -> TransferCounts {
        TransferCounts(
            wireBytesSent: lhs.wireBytesSent + rhs.wireBytesSent,
            wireBytesReceived: lhs.wireBytesReceived + rhs.wireBytesReceived,
            messageBytesSent: lhs.messageBytesSent + rhs.messageBytesSent,
            messageBytesReceived: lhs.messageBytesReceived + rhs.messageBytesReceived
        )
    }

    public static func - (lhs: TransferCounts, rhs: TransferCounts) -> TransferCounts {
        TransferCounts(
            wireBytesSent: lhs.wireBytesSent - rhs.wireBytesSent,
            wireBytesReceived: lhs.wireBytesReceived - rhs.wireBytesReceived,
            messageBytesSent: lhs.messageBytesSent - rhs.messageBytesSent,
            messageBytesReceived: lhs.messageBytesReceived - rhs.messageBytesReceived
        )
    }
}

extension ClientConnectionHandler {
    // MARK: - Starting calls

    func startCall(_ pending: PendingCall, fromQueue: Bool = false) {
        guard !pending.token.cancelled else {
            pending.fail(CorpusError(code: .cancelled, message: "cancelled before it started"))
            return
        }
        switch phase {
        case .awaitingPreface, .awaitingSettings:
            queued.append(pending)
            return
        case .goingAway, .closed:
            pending.fail(Self.notProcessed(unavailableReason ?? "connection closed"))
            return
        case .ready:
            break
        }
        // Calls beyond the server's limit wait here, in order (PROTOCOL.md § 4.3).
        guard calls.count < peerSettings.maxConcurrentCalls, fromQueue || queued.isEmpty else {
            queued.append(pending)
            return
        }
        guard nextCallID < UInt32.max else {
            unavailableReason = "call ids exhausted"
            status.setAvailable(false)
            pending.fail(Self.notProcessed("call ids exhausted on this connection"))
            return
        }
        let callID = nextCallID
        nextCallID += 1
        pending.token.callID = callID

        let headers = RequestHeaders(
            method: pending.method.fullName,
            timeoutMilliseconds: pending.options.timeoutMilliseconds,
            metadata: pending.options.metadata,
            noCompression: !pending.options.compression
        )
        FrameEncoder().encode(.headers(callID: callID, headers), into: &output)
        let (payload, flags) = compression.encode(pending.request, allowed: pending.options.compression)
        status.messageBytesSent.add(pending.request.readableBytes, ordering: .relaxed)
        FrameEncoder().writeMessage(callID: callID, flags: flags.union(.endStream), payload: payload, into: &output)
        let extra = pending.options.extraCredit
        if case .stream = pending.responder, extra > 0 {
            FrameEncoder().encode(.credit(callID: callID, increment: UInt32(clamping: extra)), into: &output)
        }
        scheduleFlush()

        var call = ClientCall(
            token: pending.token,
            responder: pending.responder,
            granted: configuration.settings.initialCredit + max(0, extra)
        )
        if let context, headers.timeoutMilliseconds > 0 {
            let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
            let timeout = headers.timeoutMilliseconds
            call.deadlineTimer = context.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout))) {
                loopBound.value.deadlinePassed(callID: callID, timeoutMilliseconds: timeout)
            }
        }
        calls[callID] = call
        status.addOpen(1)
    }

    func startQueuedCalls() {
        while !queued.isEmpty, phase == .ready, calls.count < peerSettings.maxConcurrentCalls {
            let next = queued.removeFirst()
            startCall(next, fromQueue: true)
        }
    }

    // MARK: - Responses

    func receiveMessage(callID: UInt32, flags: MessageFlags, payload: ByteBuffer) {
        guard var call = calls[callID] else {
            return ignoreFrame(callID: callID)
        }
        call.received += 1
        guard call.received <= call.granted else {
            return connectionError(
                ConnectionError(code: .flowControlError, message: "call \(callID) received a MESSAGE beyond its credit")
            )
        }
        // Decompression happens on the consumer's thread (MessageInflater), not on this loop.
        let message = ReceivedMessage(payload: payload, flags: flags)
        switch call.responder {
        case .unary:
            guard call.response == nil else {
                write(.cancel(callID: callID, .internal))
                fail(
                    callID: callID,
                    error: CorpusError(code: .internalError, message: "more than one response message")
                )
                return
            }
            call.response = message
            calls[callID] = call
        case .stream(let inbound):
            calls[callID] = call
            if inbound.push(message) {
                pendingWakes.append(inbound)
            }
        }
        if flags.contains(.endCall) {
            // The call ended with OK; no TRAILERS follows (PROTOCOL.md § 3.4).
            complete(callID: callID, status: .ok, metadata: [:])
        }
    }

    private func ignoreFrame(callID: UInt32) {
        if callID >= nextCallID {
            connectionError(
                ConnectionError(code: .protocolError, message: "MESSAGE for call \(callID), which was never opened")
            )
        }
    }

    /// Ends a call with the status the server sent.
    func complete(callID: UInt32, status: Status, metadata: Metadata) {
        guard let call = calls.removeValue(forKey: callID) else { return }
        callEnded(call)
        guard status.code == .ok else {
            call.responder.fail(CorpusError(status: status, metadata: metadata)!)
            return
        }
        switch call.responder {
        case .unary(let promise):
            if let response = call.response {
                promise.succeed(response)
            } else {
                promise.fail(CorpusError(code: .internalError, message: "the server sent no response message"))
            }
        case .stream(let inbound):
            inbound.finish(.success(()))
        }
    }

    /// Ends a call locally with `error`.
    func fail(callID: UInt32, error: CorpusError) {
        guard let call = calls.removeValue(forKey: callID) else { return }
        callEnded(call)
        call.responder.fail(error)
    }

    private func callEnded(_ call: ClientCall) {
        call.deadlineTimer?.cancel()
        status.addOpen(-1)
        startQueuedCalls()
        if calls.isEmpty, queued.isEmpty {
            if case .goingAway = phase {
                context?.close(promise: nil)
            } else if closeWhenIdle {
                context?.close(promise: nil)
            }
        }
    }

    private func deadlinePassed(callID: UInt32, timeoutMilliseconds: UInt32) {
        guard calls[callID] != nil else { return }
        write(.cancel(callID: callID, .deadlineExceeded))
        fail(
            callID: callID,
            error: CorpusError(code: .deadlineExceeded, message: "deadline of \(timeoutMilliseconds) ms exceeded")
        )
    }

    // MARK: - Requests from the consumer side

    /// Cancels a call: locally at once, and on the wire with CANCEL if it had started.
    func cancel(token: ClientCallToken, code: Status.Code = .cancelled) {
        token.cancelled = true
        if let index = queued.firstIndex(where: { $0.token === token }) {
            let pending = queued.remove(at: index)
            pending.fail(CorpusError(code: .cancelled, message: "cancelled"))
            return
        }
        let callID = token.callID
        guard callID != 0, calls[callID] != nil else { return }
        write(.cancel(callID: callID, code))
        fail(callID: callID, error: CorpusError(code: CorpusError.Code(code) ?? .cancelled, message: "cancelled"))
    }

    func grantCredit(token: ClientCallToken, count: Int) {
        let callID = token.callID
        guard count > 0, var call = calls[callID] else { return }
        call.granted += count
        calls[callID] = call
        write(.credit(callID: callID, increment: UInt32(clamping: count)))
    }

    /// Closes the connection once the open calls finish; new calls are refused.
    func closeGracefully() {
        status.setAvailable(false)
        if phase == .ready { phase = .goingAway(lastCallID: nextCallID &- 1) }
        unavailableReason = unavailableReason ?? "the client closed the connection"
        for pending in queued { pending.fail(Self.notProcessed("the client closed the connection")) }
        queued.removeAll()
        if calls.isEmpty {
            write(.goAway(GoAway(lastCallID: 0, code: .noError, message: "client closing")))
            flushOutput()
            context?.close(promise: nil)
        } else {
            closeWhenIdle = true
        }
    }

    /// Fails every call and the readiness promise; the connection is gone.
    func failEverything(reason: String) {
        guard phase != .closed else { return }
        phase = .closed
        status.setAvailable(false)
        handshakeTimer?.cancel()
        handshakeTimer = nil
        let error = CorpusError(code: .unavailable, message: reason)
        readyPromise?.fail(error)
        readyPromise = nil
        for pending in queued { pending.fail(Self.notProcessed(reason)) }
        queued.removeAll()
        for callID in calls.keys.sorted() {
            fail(callID: callID, error: error)
        }
        // Consumers with messages queued still get them (then the error), even if no
        // channelReadComplete follows.
        wakeStreamConsumers()
    }
}
