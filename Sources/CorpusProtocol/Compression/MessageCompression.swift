public import NIOCore

/// The message-layer rules of `PROTOCOL.md` § 5 for one connection: when to compress an outgoing
/// message, and how to turn an incoming MESSAGE payload back into message bytes within the size
/// limit.
///
/// - Important: Call ``end()`` when the connection closes, to free zlib's memory. Not
///   thread-safe: owned by the connection's event loop.
public struct MessageCompression {
    /// Messages shorter than this are never compressed.
    public var threshold: Int
    /// The zlib level used for messages compressed per call.
    public var level: Int
    /// Whether this side advertised zlib (it may receive compressed messages).
    public var acceptsCompressed: Bool
    /// Whether the peer advertised zlib (this side may send compressed messages).
    public var peerAcceptsCompressed: Bool
    /// The largest message accepted after decompression (this side's `MAX_MESSAGE_SIZE`).
    public var maxMessageSize: Int

    private var compressor: Zlib.Compressor?
    private var decompressor: Zlib.Decompressor?

    /// The default threshold: 1 KiB.
    public static let defaultThreshold = 1024

    public init(
        threshold: Int = MessageCompression.defaultThreshold,
        level: Int = 1,
        acceptsCompressed: Bool,
        peerAcceptsCompressed: Bool = false,
        maxMessageSize: Int
    ) {
        self.threshold = threshold
        self.level = level
        self.acceptsCompressed = acceptsCompressed
        self.peerAcceptsCompressed = peerAcceptsCompressed
        self.maxMessageSize = maxMessageSize
    }

    /// Returns the message bytes of a received MESSAGE payload.
    ///
    /// - Throws: ``CorpusError``: `INTERNAL` for a compressed message this side did not
    ///   advertise or a corrupt stream, `RESOURCE_EXHAUSTED` for a message over the size limit.
    public mutating func decode(flags: MessageFlags, payload: ByteBuffer) throws(CorpusError) -> ByteBuffer {
        try Self.decode(
            flags: flags,
            payload: payload,
            acceptsCompressed: acceptsCompressed,
            maxMessageSize: maxMessageSize
        ) { (compressed) throws(CorpusError) in
            if decompressor == nil {
                decompressor = Zlib.Decompressor()
            }
            return try decompressor!.decompress(compressed, limit: maxMessageSize)
        }
    }

    /// The rules of ``decode(flags:payload:)`` for a receiver that manages its own zlib streams
    /// (for instance a pool shared by several threads): `inflate` is called only for a
    /// compressed message this side accepts, and must refuse output over `maxMessageSize`.
    public static func decode(
        flags: MessageFlags,
        payload: ByteBuffer,
        acceptsCompressed: Bool,
        maxMessageSize: Int,
        inflate: (ByteBuffer) throws(CorpusError) -> ByteBuffer
    ) throws(CorpusError) -> ByteBuffer {
        guard flags.contains(.compressed) else {
            guard payload.readableBytes <= maxMessageSize else {
                throw CorpusError(
                    code: .resourceExhausted,
                    message: "message of \(payload.readableBytes) bytes exceeds the limit of \(maxMessageSize) bytes"
                )
            }
            return payload
        }
        guard acceptsCompressed else {
            throw CorpusError(code: .internalError, message: "unexpected compressed message: zlib was not negotiated")
        }
        return try inflate(payload)
    }

    /// Encodes an outgoing message: compressed when the peer accepts zlib, `allowed` is true, the
    /// message reaches ``threshold`` and compression makes it strictly smaller.
    ///
    /// - Returns: The payload and the MESSAGE flags to send it with.
    public mutating func encode(
        _ message: ByteBuffer,
        allowed: Bool = true
    ) -> (payload: ByteBuffer, flags: MessageFlags) {
        guard allowed, peerAcceptsCompressed, message.readableBytes >= threshold else {
            return (message, [])
        }
        if compressor == nil {
            compressor = Zlib.Compressor(level: level)
        }
        let compressed = compressor!.compress(message)
        guard compressed.readableBytes < message.readableBytes else {
            return (message, [])
        }
        return (compressed, .compressed)
    }

    /// Picks the variant of a pre-encoded message to send.
    public func choose(_ message: EncodedMessage, allowed: Bool = true) -> (payload: ByteBuffer, flags: MessageFlags) {
        if allowed, peerAcceptsCompressed, let compressed = message.compressed {
            return (compressed, .compressed)
        }
        return (message.bytes, [])
    }

    /// Frees zlib's memory.
    public mutating func end() {
        compressor?.end()
        compressor = nil
        decompressor?.end()
        decompressor = nil
    }
}

/// A message encoded once, ahead of time, with its zlib form when that is smaller.
///
/// Immutable data (stored articles) is encoded and compressed once at load time, so sending it
/// costs a memory copy, not a serialization and a deflate per call.
public struct EncodedMessage: Sendable, Hashable {
    /// The serialized message.
    public let bytes: ByteBuffer
    /// The same message as one zlib stream, if compression pays (`nil` otherwise).
    public let compressed: ByteBuffer?

    /// Creates an encoded message, compressing it with `compressor` when it reaches `threshold`
    /// bytes and compression makes it strictly smaller.
    public init(bytes: ByteBuffer, compressor: Zlib.Compressor?, threshold: Int = MessageCompression.defaultThreshold) {
        self.bytes = bytes
        if let compressor, bytes.readableBytes >= threshold {
            let compressed = compressor.compress(bytes)
            self.compressed = compressed.readableBytes < bytes.readableBytes ? compressed : nil
        } else {
            self.compressed = nil
        }
    }
}
