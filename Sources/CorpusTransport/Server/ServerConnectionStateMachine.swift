internal import CorpusProtocol

/// The connection-level rules a server enforces (`PROTOCOL.md` §§ 2, 4, 7.4), as a value type
/// that takes events and returns decisions. The handler carries the decisions out.
///
/// It covers the handshake (preface, then exactly one SETTINGS first), call ids (strictly
/// increasing; frames for unseen ids are protocol errors, for ended ids are ignored), the
/// concurrency limit, and graceful shutdown (GOAWAY, refusing later ids, closing when drained).
struct ServerConnectionStateMachine {
    enum Phase: Equatable {
        case awaitingPreface
        case awaitingSettings
        case active
        /// GOAWAY sent: calls up to `lastCallID` finish, later ones are refused.
        case draining(lastCallID: UInt32)
        case closed
    }

    enum Decision: Equatable {
        case proceed
        case ignore
        case connectionError(ConnectionError)
    }

    enum HeadersDecision: Equatable {
        case accept
        case refuse(Status)
        case connectionError(ConnectionError)
    }

    private(set) var phase: Phase = .awaitingPreface
    private(set) var highestCallID: UInt32 = 0
    private(set) var openCalls = 0
    private(set) var peerSettings = ConnectionSettings.protocolDefaults
    /// The client announced it is going away.
    private(set) var peerGoingAway = false
    let maxConcurrentCalls: Int

    init(maxConcurrentCalls: Int) {
        self.maxConcurrentCalls = maxConcurrentCalls
    }

    var isHandshakeComplete: Bool {
        switch phase {
        case .awaitingPreface, .awaitingSettings: false
        default: true
        }
    }

    mutating func receivedPreface(_ version: ProtocolVersion) -> Decision {
        guard phase == .awaitingPreface else {
            return .connectionError(ConnectionError(code: .protocolError, message: "unexpected second preface"))
        }
        phase = .awaitingSettings
        return .proceed
    }

    mutating func receivedSettings(_ entries: [Setting]) -> Decision {
        guard phase == .awaitingSettings else {
            return .connectionError(
                ConnectionError(code: .protocolError, message: "SETTINGS may only be sent once, as the first frame")
            )
        }
        peerSettings = ConnectionSettings(entries: entries)
        phase = .active
        return .proceed
    }

    /// Checks a frame other than the preface and SETTINGS against the handshake.
    func checkHandshake(for type: FrameType?) -> Decision {
        switch phase {
        case .awaitingPreface, .awaitingSettings:
            let name = type?.description ?? "frame"
            return .connectionError(ConnectionError(code: .protocolError, message: "expected SETTINGS, got \(name)"))
        case .closed:
            return .ignore
        default:
            return .proceed
        }
    }

    mutating func receivedHeaders(callID: UInt32, methodIsKnown: Bool, method: String) -> HeadersDecision {
        guard callID > highestCallID else {
            return .connectionError(
                ConnectionError(
                    code: .protocolError,
                    message: "call id \(callID) is not greater than the previous call id \(highestCallID)"
                )
            )
        }
        highestCallID = callID
        if case .draining(let last) = phase, callID > last {
            return .refuse(Status(code: .unavailable, message: "server is shutting down"))
        }
        guard methodIsKnown else {
            return .refuse(Status(code: .unimplemented, message: "unknown method \(method)"))
        }
        guard openCalls < maxConcurrentCalls else {
            return .refuse(
                Status(code: .resourceExhausted, message: "too many concurrent calls (limit \(maxConcurrentCalls))")
            )
        }
        openCalls += 1
        return .accept
    }

    /// Decides about MESSAGE, CANCEL and CREDIT frames for a call that is not open.
    func receivedFrameForClosedCall(callID: UInt32, type: FrameType) -> Decision {
        if callID > highestCallID {
            return .connectionError(
                ConnectionError(code: .protocolError, message: "\(type) for call \(callID), which was never opened")
            )
        }
        return .ignore
    }

    /// Records that an accepted call ended.
    ///
    /// - Returns: whether the connection should now close (draining and no call left).
    mutating func callClosed() -> Bool {
        openCalls = max(0, openCalls - 1)
        return shouldCloseWhenIdle
    }

    var shouldCloseWhenIdle: Bool {
        guard openCalls == 0 else { return false }
        if case .draining = phase { return true }
        return peerGoingAway
    }

    mutating func receivedGoAway() -> Bool {
        peerGoingAway = true
        return openCalls == 0
    }

    /// Starts a graceful shutdown.
    ///
    /// - Returns: the GOAWAY to send, or `nil` if one was already sent or the connection closed.
    mutating func beginGracefulShutdown() -> GoAway? {
        switch phase {
        case .draining, .closed:
            return nil
        default:
            phase = .draining(lastCallID: highestCallID)
            return GoAway(lastCallID: highestCallID, code: .noError, message: "server shutting down")
        }
    }

    mutating func closed() {
        phase = .closed
    }
}
