public import CorpusProtocol
public import NIOCore

/// The response of a handler that runs inline on the connection's event loop.
///
/// Inline handlers are for work that is a lookup in immutable memory (a stored, pre-encoded
/// article): they answer without a task or a thread hop, the same way a bare SwiftNIO server does.
public enum InlineResponse: Sendable {
    /// A message serialized now.
    case bytes(ByteBuffer)
    /// A message serialized (and compressed) ahead of time.
    case encoded(EncodedMessage)
}
