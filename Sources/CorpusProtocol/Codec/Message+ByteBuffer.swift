public import NIOCore
public import SwiftProtobuf

/// A `ByteBuffer` seen as SwiftProtobuf's bag of bytes, so messages decode from and encode into
/// buffers without an intermediate `[UInt8]`.
public struct ProtobufBuffer: SwiftProtobufContiguousBytes {
    /// The bytes.
    public var buffer: ByteBuffer

    public init(_ buffer: ByteBuffer) {
        self.buffer = buffer
    }

    public init(repeating: UInt8, count: Int) {
        self.buffer = ByteBuffer(repeating: repeating, count: count)
    }

    public init<S: Sequence>(_ sequence: S) where S.Element == UInt8 {
        self.buffer = ByteBuffer(bytes: sequence)
    }

    public var count: Int { buffer.readableBytes }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try buffer.withUnsafeReadableBytes(body)
    }

    public mutating func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try buffer.withUnsafeMutableReadableBytes(body)
    }
}

extension SwiftProtobuf.Message {
    /// Decodes a message from a buffer's readable bytes.
    public init(buffer: ByteBuffer) throws {
        try self.init(serializedBytes: ProtobufBuffer(buffer))
    }

    /// Encodes the message into a new buffer.
    public func serializedBuffer() throws -> ByteBuffer {
        let bytes: ProtobufBuffer = try serializedBytes()
        return bytes.buffer
    }
}
