internal import CorpusProtocol
internal import Logging
internal import NIOCore

extension ServerConnectionHandler {
    // MARK: - Start and end

    /// Sends the server's preface and SETTINGS and starts the handshake timer.
    func start(context: ChannelHandlerContext) {
        guard handshakeTimer == nil, !stateMachine.isHandshakeComplete, !connectionClosed else { return }
        remoteAddress = context.channel.remoteAddress
        FrameEncoder().writePreface(into: &output)
        write(.settings(configuration.settings.entries))
        flushOutput()
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        handshakeTimer = context.eventLoop.scheduleTask(in: configuration.handshakeTimeout) {
            let handler = loopBound.value
            guard !handler.stateMachine.isHandshakeComplete else { return }
            handler.connectionError(
                ConnectionError(
                    code: .handshakeTimeout,
                    message: "no preface and SETTINGS within the handshake timeout"
                )
            )
        }
    }

    /// Sends GOAWAY with `error` and closes the connection.
    func connectionError(_ error: ConnectionError, detail: String? = nil) {
        guard !connectionClosed else { return }
        logger.info(
            "closing connection after an error",
            metadata: [
                "remote": "\(remoteAddress?.description ?? "?")", "code": "\(error.code)",
                "error": "\(detail ?? error.message)",
            ]
        )
        write(.goAway(GoAway(lastCallID: stateMachine.highestCallID, code: error.code, message: error.message)))
        closeConnection()
    }

    /// Closes the connection once the last frames (TRAILERS, GOAWAY) have been written, so a
    /// peer always learns why; a peer that stops reading gets one second before a hard close.
    func closeConnection() {
        guard !connectionClosed, let context else { return }
        let lastWrite: EventLoopPromise<Void>? = output.readableBytes > 0 ? context.eventLoop.makePromise() : nil
        flushOutput(promise: lastWrite)
        connectionClosed = true
        stateMachine.closed()
        guard let lastWrite else {
            context.close(promise: nil)
            return
        }
        let channel = context.channel
        let hardClose = context.eventLoop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) }
        lastWrite.futureResult.whenComplete { _ in
            hardClose.cancel()
            channel.close(promise: nil)
        }
    }

    /// Stops every running call and timer; called once when the connection goes away.
    func tearDown(reason: String) {
        handshakeTimer?.cancel()
        idleTimer?.cancel()
        keepaliveTimer?.cancel()
        graceTimer?.cancel()
        handshakeTimer = nil
        idleTimer = nil
        keepaliveTimer = nil
        graceTimer = nil
        let wasOpen = stateMachine.isHandshakeComplete && !tornDown
        tornDown = true
        connectionClosed = true
        stateMachine.closed()
        for (callID, call) in calls.sorted(by: { $0.key < $1.key }) {
            call.task?.cancel()
            call.outbound?.close(CorpusError(code: .unavailable, message: "connection closed"))
            call.deadlineTimer?.cancel()
            observer?.callFinished(
                call.route.descriptor,
                status: .unavailable,
                duration: now - call.startedAt,
                messagesSent: call.messagesSent
            )
            logger.debug("call ended by the connection closing", metadata: ["call-id": "\(callID)"])
        }
        calls.removeAll()
        if wasOpen {
            observer?.connectionClosed(remoteAddress: remoteAddress)
            logger.info(
                "connection closed",
                metadata: ["remote": "\(remoteAddress?.description ?? "?")", "reason": "\(reason)"]
            )
        }
    }

    // MARK: - Graceful shutdown

    func beginGracefulShutdown() {
        guard !connectionClosed else { return }
        guard stateMachine.isHandshakeComplete else {
            closeConnection()
            return
        }
        guard let goAway = stateMachine.beginGracefulShutdown() else { return }
        write(.goAway(goAway))
        if calls.isEmpty {
            closeConnection()
            return
        }
        flushOutput()
        guard let context else { return }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        graceTimer = context.eventLoop.scheduleTask(in: configuration.shutdownGracePeriod) {
            loopBound.value.gracePeriodExpired()
        }
    }

    private func gracePeriodExpired() {
        let status = Status(code: .unavailable, message: "server shut down before the call completed")
        for callID in calls.keys.sorted() {
            failCall(callID: callID, status: status)
        }
        closeConnection()
    }

    // MARK: - Idle and keepalive

    /// Starts the idle check. It runs every idle timeout and closes the connection when no call
    /// has been open for that long; calls only update a timestamp, so they never touch a timer.
    func scheduleIdleCheck() {
        let timeout = TimeAmount.milliseconds(Int64(configuration.settings.idleTimeoutMilliseconds))
        guard timeout > .zero, idleTimer == nil, !connectionClosed, let context else { return }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let next = (calls.isEmpty ? lastCallEnded : now) + timeout
        idleTimer = context.eventLoop.scheduleTask(deadline: next) {
            let handler = loopBound.value
            handler.idleTimer = nil
            if handler.calls.isEmpty, handler.now - handler.lastCallEnded >= timeout {
                handler.connectionError(
                    ConnectionError(code: .idleTimeout, message: "no call for \(timeout.nanoseconds / 1_000_000) ms")
                )
            } else {
                handler.scheduleIdleCheck()
            }
        }
    }

    func scheduleKeepalive() {
        let interval = TimeAmount.milliseconds(Int64(configuration.settings.keepaliveIntervalMilliseconds))
        let timeout = TimeAmount.milliseconds(Int64(configuration.settings.keepaliveTimeoutMilliseconds))
        guard interval > .zero, !connectionClosed, let context else { return }
        let next: NIODeadline =
            if let sentAt = keepalivePingSentAt { sentAt + timeout } else { lastReadTime + interval }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        keepaliveTimer = context.eventLoop.scheduleTask(deadline: next) {
            loopBound.value.keepaliveTick(interval: interval, timeout: timeout)
        }
    }

    private func keepaliveTick(interval: TimeAmount, timeout: TimeAmount) {
        keepaliveTimer = nil
        guard !connectionClosed else { return }
        let now = self.now
        if let sentAt = keepalivePingSentAt {
            if now - sentAt >= timeout {
                connectionError(
                    ConnectionError(
                        code: .keepaliveTimeout,
                        message: "no answer to a keepalive PING within \(timeout.nanoseconds / 1_000_000) ms"
                    )
                )
                return
            }
        } else if now - lastReadTime >= interval {
            keepalivePingSentAt = now
            write(.ping(ack: false, payload: UInt64(truncatingIfNeeded: now.uptimeNanoseconds)))
        }
        scheduleKeepalive()
    }
}
