public import CorpusProtocol
public import NIOCore
internal import NIOPosix

/// A plain TCP connection for tests that speak the protocol by hand: send arbitrary bytes, read
/// the server's frames with ``CorpusProtocol/FrameDecoder``.
public final class RawConnection {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var buffer = ByteBuffer()
    private var decoder: FrameDecoder
    private var closed = false

    init(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.iterator = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.decoder = FrameDecoder(maxFrameSize: 1 << 24, expectPreface: true)
    }

    /// Sends raw bytes.
    public func send(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// Sends frames, encoded with ``CorpusProtocol/FrameEncoder``.
    public func send(_ frames: [Frame]) async throws {
        var buffer = ByteBuffer()
        for frame in frames { FrameEncoder().encode(frame, into: &buffer) }
        try await outbound.write(buffer)
    }

    /// The client's preface and SETTINGS with the given settings.
    public static func handshake(_ settings: ConnectionSettings = .protocolDefaults) -> [Frame] {
        [.preface(.current), .settings(settings.entries)]
    }

    /// The next frame from the server, or `nil` when the connection closed.
    public func nextFrame() async throws -> Frame? {
        while true {
            if let frame = try decoder.decode(buffer: &buffer) { return frame }
            if closed { return nil }
            guard var chunk = try await iterator.next() else {
                closed = true
                return try decoder.decodeLast(buffer: &buffer, seenEOF: true)
            }
            buffer.writeBuffer(&chunk)
        }
    }

    /// Reads frames until the connection closes (or `limit` frames).
    public func framesUntilClose(limit: Int = 10_000) async throws -> [Frame] {
        var frames: [Frame] = []
        while frames.count < limit, let frame = try await nextFrame() {
            frames.append(frame)
        }
        return frames
    }

    /// Reads frames until one matches `predicate`; returns all read, including the match.
    public func frames(until predicate: (Frame) -> Bool) async throws -> [Frame] {
        var frames: [Frame] = []
        while let frame = try await nextFrame() {
            frames.append(frame)
            if predicate(frame) { break }
        }
        return frames
    }
}

/// Connects a ``RawConnection`` to `address` for the duration of `body`.
public func withRawConnection<Result: Sendable>(
    to address: SocketAddress,
    _ body: (RawConnection) async throws -> Result
) async throws -> Result {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(to: address) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    return try await channel.executeThenClose { inbound, outbound in
        let connection = RawConnection(inbound: inbound, outbound: outbound)
        return try await body(connection)
    }
}
