import CorpusProtocol
import Testing

@testable import CorpusTransport

@Suite("ServerConnectionStateMachine")
struct ServerConnectionStateMachineTests {
    private func active(maxConcurrentCalls: Int = 2) -> ServerConnectionStateMachine {
        var machine = ServerConnectionStateMachine(maxConcurrentCalls: maxConcurrentCalls)
        _ = machine.receivedPreface(.current)
        _ = machine.receivedSettings([Setting(.initialCredit, 7), Setting(.compression, 1)])
        return machine
    }

    @Test("the handshake is a preface, then exactly one SETTINGS")
    func handshake() {
        var machine = ServerConnectionStateMachine(maxConcurrentCalls: 10)
        #expect(!machine.isHandshakeComplete)
        #expect(machine.checkHandshake(for: .headers) != .proceed)
        #expect(machine.receivedPreface(.current) == .proceed)
        #expect(machine.checkHandshake(for: .ping) != .proceed, "the first frame must be SETTINGS")
        #expect(machine.receivedSettings([Setting(.initialCredit, 7)]) == .proceed)
        #expect(machine.isHandshakeComplete)
        #expect(machine.peerSettings.initialCredit == 7)
        #expect(machine.peerSettings.maxFrameSize == ConnectionSettings.protocolDefaults.maxFrameSize)
        guard case .connectionError(let error) = machine.receivedSettings([]) else {
            Issue.record("a second SETTINGS was accepted")
            return
        }
        #expect(error.code == .protocolError)
    }

    @Test("call ids must increase")
    func callIDs() {
        var machine = active()
        #expect(machine.receivedHeaders(callID: 5, methodIsKnown: true, method: "/a/b") == .accept)
        guard case .connectionError(let error) = machine.receivedHeaders(callID: 5, methodIsKnown: true, method: "/a/b")
        else {
            Issue.record("a repeated call id was accepted")
            return
        }
        #expect(error.code == .protocolError)
    }

    @Test("unknown methods and calls over the limit are refused, and refusals do not count as open")
    func refusals() {
        var machine = active(maxConcurrentCalls: 1)
        #expect(machine.receivedHeaders(callID: 1, methodIsKnown: false, method: "/x/y").refusalCode == .unimplemented)
        #expect(machine.openCalls == 0)
        #expect(machine.receivedHeaders(callID: 3, methodIsKnown: true, method: "/a/b") == .accept)
        #expect(
            machine.receivedHeaders(callID: 5, methodIsKnown: true, method: "/a/b").refusalCode == .resourceExhausted
        )
        let closes = machine.callClosed()
        #expect(!closes)
        #expect(machine.receivedHeaders(callID: 7, methodIsKnown: true, method: "/a/b") == .accept)
    }

    @Test("frames for calls never opened are protocol errors; for ended calls they are ignored")
    func framesForClosedCalls() {
        var machine = active()
        _ = machine.receivedHeaders(callID: 3, methodIsKnown: true, method: "/a/b")
        #expect(machine.receivedFrameForClosedCall(callID: 3, type: .message) == .ignore)
        #expect(machine.receivedFrameForClosedCall(callID: 1, type: .cancel) == .ignore)
        guard case .connectionError = machine.receivedFrameForClosedCall(callID: 9, type: .credit) else {
            Issue.record("a frame for an unopened call was accepted")
            return
        }
    }

    @Test("graceful shutdown: one GOAWAY with the last id, later calls refused UNAVAILABLE, close when drained")
    func gracefulShutdown() {
        var machine = active(maxConcurrentCalls: 10)
        #expect(machine.receivedHeaders(callID: 1, methodIsKnown: true, method: "/a/b") == .accept)
        let goAway = machine.beginGracefulShutdown()
        #expect(goAway == GoAway(lastCallID: 1, code: .noError, message: "server shutting down"))
        #expect(machine.beginGracefulShutdown() == nil, "GOAWAY is sent once")
        #expect(machine.receivedHeaders(callID: 3, methodIsKnown: true, method: "/a/b").refusalCode == .unavailable)
        let closes = machine.callClosed()
        #expect(closes, "the last call ending closes a draining connection")
    }
}

extension ServerConnectionStateMachine.HeadersDecision {
    var refusalCode: Status.Code? {
        if case .refuse(let status) = self { return status.code }
        return nil
    }
}
