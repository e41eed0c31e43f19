public import CorpusProtocol
public import Logging
public import NIOCore

/// What a handler knows about the call it serves.
public struct ServerContext: Sendable {
    /// The method being called.
    public let method: MethodDescriptor
    /// The call id on its connection.
    public let callID: UInt32
    /// The request metadata.
    public let metadata: Metadata
    /// When the call's deadline passes, if it has one.
    public let deadline: NIODeadline?
    /// The client's address, if known.
    public let remoteAddress: SocketAddress?
    /// A logger carrying the call's metadata (`call-id`, `method`, `remote`).
    public let logger: Logger

    public init(
        method: MethodDescriptor,
        callID: UInt32,
        metadata: Metadata,
        deadline: NIODeadline?,
        remoteAddress: SocketAddress?,
        logger: Logger
    ) {
        self.method = method
        self.callID = callID
        self.metadata = metadata
        self.deadline = deadline
        self.remoteAddress = remoteAddress
        self.logger = logger
    }

    /// Time left until the deadline, or `nil` without one.
    public var timeRemaining: TimeAmount? {
        deadline.map { $0 - .now() }
    }
}
