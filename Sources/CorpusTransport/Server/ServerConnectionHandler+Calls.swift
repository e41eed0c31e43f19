internal import CorpusProtocol
internal import Logging
internal import NIOCore

/// The runtime state of one accepted call. A class, so that the call table holds references and
/// updates happen in place. Only touched on the connection's event loop.
final class ActiveCall {
    let route: RPCRouter.Route
    let headers: RequestHeaders
    let startedAt: NIODeadline
    var deadlineTimer: Scheduled<Void>?
    var task: Task<Void, Never>?
    var outbound: StreamOutbound?
    var requestReceived = false
    var messagesSent = 0
    /// Set when a streaming handler has returned; sent once queued messages are written.
    var finalTrailers: Trailers?

    init(route: RPCRouter.Route, headers: RequestHeaders, startedAt: NIODeadline) {
        self.route = route
        self.headers = headers
        self.startedAt = startedAt
    }
}

extension ServerConnectionHandler {
    // MARK: - Opening and running calls

    func openCall(callID: UInt32, headers: RequestHeaders) {
        let route = router.route(for: headers.method)
        let decision = stateMachine.receivedHeaders(
            callID: callID,
            methodIsKnown: route != nil,
            method: headers.method
        )
        switch decision {
        case .connectionError(let error):
            connectionError(error)
        case .refuse(let status):
            write(.trailers(callID: callID, Trailers(status: status)))
            observer?.callRefused(method: headers.method, status: status.code)
            logger.debug(
                "call refused",
                metadata: ["call-id": "\(callID)", "method": "\(headers.method)", "status": "\(status)"]
            )
        case .accept:
            guard let route, let context else { return }
            let call = ActiveCall(route: route, headers: headers, startedAt: now)
            if headers.timeoutMilliseconds > 0 {
                let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
                call.deadlineTimer = context.eventLoop.scheduleTask(
                    in: .milliseconds(Int64(headers.timeoutMilliseconds))
                ) {
                    loopBound.value.deadlineExpired(callID: callID)
                }
            }
            calls[callID] = call
            observer?.callStarted(route.descriptor)
        }
    }

    func receiveRequest(callID: UInt32, flags: MessageFlags, payload: ByteBuffer) {
        guard let call = calls[callID] else { return }
        guard !call.requestReceived else {
            failCall(callID: callID, status: Status(code: .invalidArgument, message: "more than one request message"))
            return
        }
        guard flags.contains(.endStream) else {
            failCall(
                callID: callID,
                status: Status(code: .invalidArgument, message: "the request message must carry END_STREAM")
            )
            return
        }
        let request: ByteBuffer
        do {
            request = try compression.decode(flags: flags, payload: payload)
        } catch {
            failCall(callID: callID, status: error.status)
            return
        }
        call.requestReceived = true
        run(callID: callID, call: call, request: request)
    }

    private func run(callID: UInt32, call: ActiveCall, request: ByteBuffer) {
        guard let context else { return }
        let serverContext = ServerContext(
            method: call.route.descriptor,
            callID: callID,
            metadata: call.headers.metadata,
            deadline: call.headers.timeoutMilliseconds > 0
                ? call.startedAt + .milliseconds(Int64(call.headers.timeoutMilliseconds)) : nil,
            remoteAddress: remoteAddress,
            logger: logger
        )
        let eventLoop = context.eventLoop
        let loopBound = NIOLoopBound(self, eventLoop: eventLoop)

        switch call.route.handler {
        case .inline(let handler):
            let result: Result<InlineResponse, any Error>
            do {
                result = .success(try handler(request, serverContext))
            } catch {
                result = .failure(error)
            }
            completeUnary(callID: callID, result: result)

        case .unary(let handler):
            let task = Self.startUnary(handler, request: request, context: serverContext) { result in
                eventLoop.execute { loopBound.value.completeUnary(callID: callID, result: result) }
            }
            calls[callID]?.task = task

        case .serverStreaming(let handler):
            let observer = self.observer
            let outbound = StreamOutbound(
                initialCredit: stateMachine.peerSettings.initialCredit,
                scheduleDrain: { eventLoop.execute { loopBound.value.drain(callID: callID) } },
                onBlocked: { bytes in observer?.streamWaitingForCredit(callID: callID, bufferedBytes: bytes) }
            )
            calls[callID]?.outbound = outbound
            let task = Self.startStream(handler, request: request, outbound: outbound, context: serverContext) {
                status in
                eventLoop.execute { loopBound.value.finishStream(callID: callID, status: status) }
            }
            calls[callID]?.task = task
        }
    }

    private static func startUnary(
        _ handler: @escaping @Sendable (ByteBuffer, ServerContext) async throws -> ByteBuffer,
        request: ByteBuffer,
        context: ServerContext,
        completion: @escaping @Sendable (Result<InlineResponse, any Error>) -> Void
    ) -> Task<Void, Never> {
        Task {
            do {
                completion(.success(.bytes(try await handler(request, context))))
            } catch {
                completion(.failure(error))
            }
        }
    }

    private static func startStream(
        _ handler: @escaping @Sendable (ByteBuffer, RawResponseWriter, ServerContext) async throws -> Void,
        request: ByteBuffer,
        outbound: StreamOutbound,
        context: ServerContext,
        completion: @escaping @Sendable (Status) -> Void
    ) -> Task<Void, Never> {
        Task {
            do {
                try await handler(request, RawResponseWriter(outbound: outbound), context)
                completion(.ok)
            } catch {
                completion(status(for: error, logger: context.logger))
            }
        }
    }

    // MARK: - Completing calls

    func completeUnary(callID: UInt32, result: Result<InlineResponse, any Error>) {
        guard let call = calls[callID] else { return }  // Already cancelled or past its deadline.
        let allowed = !call.headers.noCompression
        let status: Status
        let sent = 0
        switch result {
        case .success(let response):
            let (payload, flags) =
                switch response {
                case .encoded(let encoded): compression.choose(encoded, allowed: allowed)
                case .bytes(let bytes): compression.encode(bytes, allowed: allowed)
                }
            if let refusal = checkOutgoingSize(payload: payload, flags: flags, response: response) {
                status = refusal
            } else {
                // Success: the message carries END_CALL, no TRAILERS frame (PROTOCOL.md § 3.4).
                FrameEncoder().writeMessage(
                    callID: callID,
                    flags: flags.union(.endCall),
                    payload: payload,
                    into: &output
                )
                scheduleFlush()
                endCall(callID: callID, status: .ok, messagesSent: 1)
                return
            }
        case .failure(let error):
            status = Self.status(for: error, logger: logger)
        }
        let metadata = Self.trailingMetadata(of: result)
        write(.trailers(callID: callID, Trailers(status: status, metadata: metadata)))
        endCall(callID: callID, status: status.code, messagesSent: sent)
    }

    /// Writes the queued messages of a streaming call that credit and writability allow, then
    /// its trailers once the handler has returned and nothing is left.
    func drain(callID: UInt32) {
        guard let call = calls[callID], let outbound = call.outbound, let context else { return }
        let messages = outbound.takeSendable(writable: context.channel.isWritable)
        let allowed = !call.headers.noCompression
        for message in messages {
            let (payload, flags) = compression.encode(message, allowed: allowed)
            if let refusal = checkOutgoingSize(payload: payload, flags: flags, response: .bytes(message)) {
                outbound.close(CorpusError(status: refusal)!)
                call.finalTrailers = Trailers(status: refusal)
                break
            }
            FrameEncoder().writeMessage(callID: callID, flags: flags, payload: payload, into: &output)
            call.messagesSent += 1
        }
        if !messages.isEmpty {
            scheduleFlush()
        }
        if let trailers = call.finalTrailers, !outbound.hasPending {
            write(.trailers(callID: callID, trailers))
            endCall(callID: callID, status: trailers.status.code, messagesSent: call.messagesSent)
        }
    }

    func finishStream(callID: UInt32, status: Status) {
        guard calls[callID] != nil else { return }
        calls[callID]?.finalTrailers = Trailers(status: status)
        drain(callID: callID)
    }

    /// Ends a call at once with `status` (its handler, if running, is cancelled).
    func failCall(callID: UInt32, status: Status) {
        guard let call = calls[callID] else { return }
        call.task?.cancel()
        call.outbound?.close(CorpusError(status: status) ?? CorpusError(code: .cancelled, message: "call ended"))
        write(.trailers(callID: callID, Trailers(status: status)))
        endCall(callID: callID, status: status.code, messagesSent: call.messagesSent)
    }

    func deadlineExpired(callID: UInt32) {
        guard let call = calls[callID] else { return }
        call.deadlineTimer = nil
        let status = Status(
            code: .deadlineExceeded,
            message: "deadline of \(call.headers.timeoutMilliseconds) ms exceeded"
        )
        failCall(callID: callID, status: status)
    }

    /// The client cancelled: stop the work and send nothing more.
    func cancelCall(callID: UInt32, code: Status.Code) {
        guard let call = calls[callID] else { return }
        call.task?.cancel()
        call.outbound?.close(CorpusError(code: .cancelled, message: "cancelled by the client"))
        endCall(callID: callID, status: code == .ok ? .cancelled : code, messagesSent: call.messagesSent)
    }

    func endCall(callID: UInt32, status: Status.Code, messagesSent: Int) {
        guard let call = calls.removeValue(forKey: callID) else { return }
        call.deadlineTimer?.cancel()
        let now = self.now
        lastCallEnded = now
        let duration = now - call.startedAt
        observer?.callFinished(call.route.descriptor, status: status, duration: duration, messagesSent: messagesSent)
        if logger.logLevel <= .debug {
            logger.debug(
                "call finished",
                metadata: [
                    "call-id": "\(callID)", "method": "\(call.route.descriptor.fullName)", "status": "\(status)",
                    "duration-us": "\(duration.nanoseconds / 1000)", "messages": "\(messagesSent)",
                ]
            )
        }
        if stateMachine.callClosed() {
            closeConnection()
        }
    }

    // MARK: - Helpers

    /// A response over the client's limits fails the call instead of breaking the connection.
    private func checkOutgoingSize(payload: ByteBuffer, flags: MessageFlags, response: InlineResponse) -> Status? {
        let peer = stateMachine.peerSettings
        let messageSize: Int =
            switch response {
            case .bytes(let bytes): bytes.readableBytes
            case .encoded(let encoded): encoded.bytes.readableBytes
            }
        if messageSize > peer.maxMessageSize || payload.readableBytes > peer.maxFrameSize {
            return Status(
                code: .resourceExhausted,
                message: "response of \(messageSize) bytes exceeds the client's limits "
                    + "(message \(peer.maxMessageSize), frame \(peer.maxFrameSize))"
            )
        }
        return nil
    }

    /// The status a thrown error becomes: its own for ``CorpusErrorConvertible``, `CANCELLED` for
    /// cancellation, otherwise `INTERNAL` with the detail kept in the log.
    static func status(for error: any Error, logger: Logger) -> Status {
        if let convertible = error as? any CorpusErrorConvertible {
            return convertible.corpusError.status
        }
        if error is CancellationError {
            return Status(code: .cancelled, message: "cancelled")
        }
        logger.error("handler failed", metadata: ["error": "\(error)"])
        return Status(code: .internal, message: "internal error")
    }

    static func trailingMetadata(of result: Result<InlineResponse, any Error>) -> Metadata {
        guard case .failure(let error) = result, let convertible = error as? any CorpusErrorConvertible else {
            return [:]
        }
        return convertible.corpusError.metadata
    }
}
