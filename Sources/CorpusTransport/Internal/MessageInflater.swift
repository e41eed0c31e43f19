internal import CorpusProtocol
internal import NIOCore
internal import Synchronization

/// Turns received MESSAGE payloads into message bytes on the *consumer's* thread, so that
/// inflating large responses does not occupy the connection's event loop (which serves every call
/// of the connection). Keeps a few zlib streams for reuse; thread-safe.
final class MessageInflater: Sendable {
    private let acceptsCompressed: Bool
    private let maxMessageSize: Int
    private let spare = Mutex<[DecompressorBox]>([])
    /// Counts message bytes received (after decompression).
    private let status: ConnectionStatus?

    /// A zlib stream that one thread at a time uses (taken from, and returned to, `spare`).
    private final class DecompressorBox: @unchecked Sendable {
        let decompressor = Zlib.Decompressor()
        deinit { decompressor.end() }
    }

    init(acceptsCompressed: Bool, maxMessageSize: Int, status: ConnectionStatus? = nil) {
        self.acceptsCompressed = acceptsCompressed
        self.maxMessageSize = maxMessageSize
        self.status = status
    }

    /// The message bytes of a MESSAGE payload (`PROTOCOL.md` § 5).
    ///
    /// - Throws: ``CorpusError``: `INTERNAL` for an unexpected or corrupt compressed message,
    ///   `RESOURCE_EXHAUSTED` for a message over the size limit.
    func decode(_ message: ReceivedMessage) throws(CorpusError) -> ByteBuffer {
        let bytes = try inflate(message)
        status?.messageBytesReceived.add(bytes.readableBytes, ordering: .relaxed)
        return bytes
    }

    private func inflate(_ message: ReceivedMessage) throws(CorpusError) -> ByteBuffer {
        try MessageCompression.decode(
            flags: message.flags,
            payload: message.payload,
            acceptsCompressed: acceptsCompressed,
            maxMessageSize: maxMessageSize
        ) { (compressed) throws(CorpusError) in
            let box = spare.withLock { $0.popLast() } ?? DecompressorBox()
            defer { spare.withLock { if $0.count < 4 { $0.append(box) } } }
            return try box.decompressor.decompress(compressed, limit: maxMessageSize)
        }
    }
}

/// A MESSAGE as received: its payload, still compressed when `flags` says so.
struct ReceivedMessage: Sendable {
    var payload: ByteBuffer
    var flags: MessageFlags
}
