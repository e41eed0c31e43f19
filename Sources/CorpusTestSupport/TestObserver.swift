public import CorpusProtocol
public import CorpusTransport
public import NIOCore
internal import Synchronization

/// A ``CorpusTransport/ServerCallObserver`` that records what happened, for assertions.
public final class TestObserver: ServerCallObserver {
    public struct Finished: Sendable, Hashable {
        public let method: String?
        public let status: Status.Code
        public let messagesSent: Int
    }

    private struct State {
        var finished: [Finished] = []
        var blocked: [(callID: UInt32, bytes: Int)] = []
        var blockedWaiters: [CheckedContinuation<(callID: UInt32, bytes: Int), Never>] = []
        var bytesRead = 0
        var bytesWritten = 0
        var opened = 0
        var closed = 0
    }

    private let state = Mutex(State())

    public init() {}

    public var finished: [Finished] { state.withLock { $0.finished } }
    public var bytesRead: Int { state.withLock { $0.bytesRead } }
    public var bytesWritten: Int { state.withLock { $0.bytesWritten } }
    public var connectionsOpened: Int { state.withLock { $0.opened } }

    /// Waits for the next time a streaming producer blocks on credit.
    public func nextBlockedOnCredit() async -> (callID: UInt32, bytes: Int) {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> (callID: UInt32, bytes: Int)? in
                if !state.blocked.isEmpty { return state.blocked.removeFirst() }
                state.blockedWaiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    public func connectionOpened(remoteAddress: SocketAddress?) {
        state.withLock { $0.opened += 1 }
    }

    public func connectionClosed(remoteAddress: SocketAddress?) {
        state.withLock { $0.closed += 1 }
    }

    public func callFinished(_ method: MethodDescriptor, status: Status.Code, duration: TimeAmount, messagesSent: Int) {
        state.withLock {
            $0.finished.append(Finished(method: method.fullName, status: status, messagesSent: messagesSent))
        }
    }

    public func callRefused(method: String, status: Status.Code) {
        state.withLock { $0.finished.append(Finished(method: method, status: status, messagesSent: 0)) }
    }

    public func bytesTransferred(read: Int, written: Int) {
        state.withLock {
            $0.bytesRead += read
            $0.bytesWritten += written
        }
    }

    public func streamWaitingForCredit(callID: UInt32, bufferedBytes: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<(callID: UInt32, bytes: Int), Never>? in
            if !state.blockedWaiters.isEmpty { return state.blockedWaiters.removeFirst() }
            state.blocked.append((callID, bufferedBytes))
            return nil
        }
        waiter?.resume(returning: (callID, bufferedBytes))
    }
}
