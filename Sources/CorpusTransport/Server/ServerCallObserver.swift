public import CorpusProtocol
public import NIOCore

/// Receives events from server connections, for metrics and statistics.
///
/// Methods are called on event loops and must be cheap and thread-safe.
public protocol ServerCallObserver: Sendable {
    /// A connection completed its handshake.
    func connectionOpened(remoteAddress: SocketAddress?)
    /// A connection closed.
    func connectionClosed(remoteAddress: SocketAddress?)
    /// A call was accepted and its handler is about to run.
    func callStarted(_ method: MethodDescriptor)
    /// A started call ended.
    func callFinished(_ method: MethodDescriptor, status: Status.Code, duration: TimeAmount, messagesSent: Int)
    /// A call was refused without running (unknown method, too many calls, shutting down).
    func callRefused(method: String, status: Status.Code)
    /// Frame bytes read from and written to a connection since the last report.
    func bytesTransferred(read: Int, written: Int)
    /// A streaming call's producer is waiting for the client's credit; `bufferedBytes` are queued
    /// in the server for that call.
    func streamWaitingForCredit(callID: UInt32, bufferedBytes: Int)
}

extension ServerCallObserver {
    public func connectionOpened(remoteAddress: SocketAddress?) {}
    public func connectionClosed(remoteAddress: SocketAddress?) {}
    public func callStarted(_ method: MethodDescriptor) {}
    public func callFinished(_ method: MethodDescriptor?, status: Status.Code, duration: TimeAmount, messagesSent: Int)
    {}
    public func bytesTransferred(read: Int, written: Int) {}
    public func streamWaitingForCredit(callID: UInt32, bufferedBytes: Int) {}
}
