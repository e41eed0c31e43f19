internal import CorpusProtocol
public import NIOCore
public import SwiftProtobuf

/// Writes the response messages of one server-streaming call, as raw message bytes.
///
/// `write` suspends while the caller has no credit left (`PROTOCOL.md` § 6) or while the socket's
/// send buffer is full, so a slow reader holds at most one credit window of messages in the
/// server. It throws once the call has ended (cancelled by the client, deadline passed, connection
/// closed): stop producing then.
public struct RawResponseWriter: Sendable {
    let outbound: StreamOutbound

    init(outbound: StreamOutbound) {
        self.outbound = outbound
    }

    /// Queues one message, waiting for credit if necessary.
    ///
    /// - Throws: ``CorpusError`` (`CANCELLED`, `DEADLINE_EXCEEDED`, `UNAVAILABLE`) when the call
    ///   has ended, or `CancellationError` when the task is cancelled.
    public func write(_ message: ByteBuffer) async throws {
        try await outbound.write(message)
    }

    /// Queues messages in order, as many at a time as the caller's credit allows: cheaper per
    /// message than one `write` each when a handler has several ready.
    ///
    /// - Throws: As ``write(_:)``; messages not queued by then are not sent.
    public func write(contentsOf messages: some RandomAccessCollection<ByteBuffer>) async throws {
        try await outbound.write(contentsOf: messages)
    }

    /// Whether the call has ended; a producer can check this between expensive steps.
    public var isClosed: Bool { outbound.isClosed }
}

/// Writes the typed response messages of one server-streaming call.
public struct ResponseWriter<Message: SwiftProtobuf.Message>: Sendable {
    /// The untyped writer underneath.
    public let raw: RawResponseWriter

    public init(raw: RawResponseWriter) {
        self.raw = raw
    }

    /// Encodes and queues one message, waiting for credit if necessary.
    public func write(_ message: Message) async throws {
        try await raw.write(try encodeResponse(message))
    }

    /// Encodes and queues messages in order, as many at a time as the caller's credit allows.
    public func write(contentsOf messages: some Sequence<Message>) async throws {
        try await raw.write(contentsOf: try messages.map { try encodeResponse($0) })
    }

    /// Whether the call has ended.
    public var isClosed: Bool { raw.isClosed }
}
