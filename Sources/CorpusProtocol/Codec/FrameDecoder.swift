public import NIOCore

/// Splits a byte stream into ``Frame`` values, enforcing every framing rule of `PROTOCOL.md`.
///
/// The decoder is strict and never allocates more than one frame's payload: the length prefix is
/// checked against ``maxFrameSize`` from the 10-byte header alone, before any payload is read.
/// Malformed input throws ``FrameDecoder/Error``, which carries the connection error code to send
/// in GOAWAY. On short input it returns `nil` and leaves the reader index where it was.
///
/// Rules that depend on connection state (the first frame must be SETTINGS, call ids must
/// increase, which side may send HEADERS) are checked by the connection layer, not here.
public struct FrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = Frame

    /// The largest payload accepted: this side's `MAX_FRAME_SIZE` setting.
    public let maxFrameSize: Int
    private var awaitingPreface: Bool

    /// Creates a decoder.
    ///
    /// - Parameters:
    ///   - maxFrameSize: The largest frame payload to accept (this side's `MAX_FRAME_SIZE`).
    ///   - expectPreface: Whether the stream starts with the 8-byte connection preface.
    public init(maxFrameSize: Int = ConnectionSettings.protocolDefaults.maxFrameSize, expectPreface: Bool = true) {
        self.maxFrameSize = maxFrameSize
        self.awaitingPreface = expectPreface
    }

    /// The size of the next unit (the preface, or a frame with its header) that starts at the
    /// reader index of `buffer`, or `nil` until its header has arrived. A frame over
    /// ``maxFrameSize`` reports its header size alone: decoding it throws once that has arrived.
    public func sizeOfNextUnit(in buffer: ByteBuffer) -> Int? {
        if awaitingPreface { return ProtocolVersion.prefaceSize }
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self),
            buffer.readableBytes >= FrameLayout.headerSize
        else { return nil }
        return Int(length) <= maxFrameSize ? FrameLayout.headerSize + Int(length) : FrameLayout.headerSize
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> Frame? {
        if awaitingPreface {
            return try decodePreface(&buffer)
        }
        let start = buffer.readerIndex
        guard buffer.readableBytes >= FrameLayout.headerSize,
            let length = buffer.getInteger(at: start, as: UInt32.self),
            let type = buffer.getInteger(at: start + 4, as: UInt8.self),
            let flags = buffer.getInteger(at: start + 5, as: UInt8.self),
            let callID = buffer.getInteger(at: start + 6, as: UInt32.self)
        else {
            return nil
        }
        let frameType = FrameType(rawValue: type)
        guard Int(length) <= maxFrameSize else {
            throw Error(
                .frameSizeError,
                "\(frameType) frame of \(length) bytes exceeds the maximum frame size of \(maxFrameSize)",
                frameType: frameType,
                bytes: buffer.getBytes(at: start, length: FrameLayout.headerSize) ?? []
            )
        }
        guard buffer.readableBytes >= FrameLayout.headerSize + Int(length) else {
            return nil
        }
        buffer.moveReaderIndex(forwardBy: FrameLayout.headerSize)
        var payload = buffer.readSlice(length: Int(length))!
        return try Self.parsePayload(type: frameType, flags: flags, callID: callID, payload: &payload)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> Frame? {
        if let frame = try decode(buffer: &buffer) {
            return frame
        }
        if seenEOF, buffer.readableBytes > 0 {
            let what = awaitingPreface ? "the connection preface" : "a frame"
            throw Error(
                .protocolError,
                "connection closed in the middle of \(what) (\(buffer.readableBytes) bytes left)",
                frameType: nil,
                bytes: buffer.getBytes(at: buffer.readerIndex, length: min(buffer.readableBytes, 32)) ?? []
            )
        }
        return nil
    }

    // MARK: - Preface

    private mutating func decodePreface(_ buffer: inout ByteBuffer) throws -> Frame? {
        let available = min(buffer.readableBytes, ProtocolVersion.magic.count)
        let start = buffer.readerIndex
        // Compare what has arrived so far, so that a peer speaking another protocol is refused
        // at once rather than after 8 bytes.
        for offset in 0..<available
        where buffer.getInteger(at: start + offset, as: UInt8.self) != ProtocolVersion.magic[offset] {
            throw Error(
                .protocolError,
                "expected the connection preface \"CORPUS\" and a version",
                frameType: nil,
                bytes: buffer.getBytes(at: start, length: min(buffer.readableBytes, 16)) ?? []
            )
        }
        guard buffer.readableBytes >= ProtocolVersion.prefaceSize else { return nil }
        let major = buffer.getInteger(at: start + 6, as: UInt8.self)!
        let minor = buffer.getInteger(at: start + 7, as: UInt8.self)!
        guard major == ProtocolVersion.current.major else {
            throw Error(
                .unsupportedVersion,
                "protocol version \(major).\(minor) is not supported; supported: \(ProtocolVersion.current.major).x",
                frameType: nil,
                bytes: buffer.getBytes(at: start, length: ProtocolVersion.prefaceSize) ?? []
            )
        }
        buffer.moveReaderIndex(forwardBy: ProtocolVersion.prefaceSize)
        awaitingPreface = false
        return .preface(ProtocolVersion(major: major, minor: minor))
    }
}
